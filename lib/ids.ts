// Time-ordered ids: 12 hex digits of milliseconds, a 4-digit per-process counter,
// then randomness. Sorting ids sorts by creation time, so keyset pagination needs
// only the id.
import { randomBytes } from "node:crypto";

let lastMs = 0;
let counter = 0;

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
  return `${prefix}_${time}${seq}${randomBytes(6).toString("hex")}`;
}
