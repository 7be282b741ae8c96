// Time-ordered ids: 12 hex digits of milliseconds, a 4-digit per-process counter,
// then randomness. Sorting ids sorts by creation time, so keyset pagination needs
// only the id.
import { randomFillSync } from "node:crypto";

let lastMs = 0;
let counter = 0;
// Random bytes drawn 4 KB at a time: one call into the system's generator per 680 ids.
const pool = Buffer.alloc(4096);
let poolAt = pool.length;

function randomHex(bytes: number): string {
  if (poolAt + bytes > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  poolAt += bytes;
  return pool.toString("hex", poolAt - bytes, poolAt);
}

export function newId(prefix: string, now = Date.now()): string {
  if (now <= lastMs) {
    counter = (counter + 1) & 0xffff;
    if (counter === 0) lastMs += 1;
  } else {
    lastMs = now;
    counter = 0;
  }
  const time = lastMs.toString(16).padStart(12, "0");
  const seq = counter.toString(16).padStart(4, "0");
  return `${prefix}_${time}${seq}${randomHex(6)}`;
}
