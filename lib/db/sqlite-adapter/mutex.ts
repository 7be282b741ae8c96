// A promise mutex: one holder at a time, the others wait in arrival order. Prisma's
// transactions on SQLite's single connection take it, so that two never interleave.

export class Mutex {
  #tail: Promise<void> = Promise.resolve();

  /** Waits for the lock; resolves to its release (calling it more than once is harmless). */
  acquire(): Promise<() => void> {
    let open!: () => void;
    const released = new Promise<void>((resolve) => (open = resolve));
    const turn = this.#tail;
    this.#tail = turn.then(() => released);
    let done = false;
    const release = () => {
      if (!done) (done = true), open();
    };
    return turn.then(() => release);
  }
}
