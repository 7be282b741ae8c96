// JSON nesting is bounded before anything parses it: a body of 150,000 nested arrays fits
// in the size limit, parses, and then overflows the stack of whatever walks it
// (JSON.stringify, zod), which would be a 500 for bad input. One linear scan, no allocation.
import { AppError } from "../errors";

export const MAX_JSON_DEPTH = 64;

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_OBJECT = 123;
const OPEN_ARRAY = 91;
const CLOSE_OBJECT = 125;
const CLOSE_ARRAY = 93;

/** Throws 400 INVALID_JSON when objects and arrays nest deeper than `max`. */
export function assertJsonDepth(text: string, max = MAX_JSON_DEPTH): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > max) throw new AppError("INVALID_JSON", `JSON nested deeper than ${max} levels`);
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--;
    }
  }
}
