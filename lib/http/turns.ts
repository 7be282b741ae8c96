// Requests for Next start a few per turn of the event loop. A burst of 200 API calls that
// arrive together would otherwise each run start to finish in the same turn (with SQLite every
// step resolves at once, so a call never waits on the loop), ~1 s of work during which nothing
// else is read off a socket: a health probe or a call webhook answered at the edge would wait
// it out. Started in turns of a few, the burst takes as long as before in total, and what
// server.ts answers itself is read, and answered, between two turns.
const PER_TURN = 4;

let startedThisTurn = 0;
let turnScheduled = false;
const waiting: (() => void)[] = [];

function nextTurn(): void {
  turnScheduled = false;
  startedThisTurn = 0;
  while (waiting.length > 0 && startedThisTurn < PER_TURN) {
    startedThisTurn++;
    waiting.shift()!();
  }
  scheduleTurn();
}

function scheduleTurn(): void {
  if (turnScheduled || (startedThisTurn === 0 && waiting.length === 0)) return;
  turnScheduled = true;
  setImmediate(nextTurn);
}

/** Resolves when the caller may start: at once while this turn has room, else in a later turn. */
export function takeTurn(): Promise<void> | undefined {
  if (waiting.length === 0 && startedThisTurn < PER_TURN) {
    startedThisTurn++;
    scheduleTurn();
    return undefined;
  }
  const turn = new Promise<void>((resolve) => waiting.push(resolve));
  scheduleTurn();
  return turn;
}
