// Text Herald cannot store faithfully is refused at the door: a NUL character (PostgreSQL's
// text type rejects it) or an unpaired UTF-16 surrogate (not a character at all; SQLite and
// the drivers mangle or reject it). One check for every body and URL, so no route meets them.
import { AppError } from "../errors";

const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function hasUnstorableText(text: string): boolean {
  return UNSTORABLE.test(text);
}

/** Throws 400 VALIDATION_FAILED naming the first field whose text (or key) cannot be stored. Depth is bounded before parsing. */
export function assertStorableText(value: unknown, path = ""): void {
  if (typeof value === "string") {
    if (hasUnstorableText(value)) {
      const where = path || "body";
      throw new AppError("VALIDATION_FAILED", `${where}: contains a NUL character or an unpaired surrogate`, [{ path: where, message: "contains a NUL character or an unpaired surrogate" }]);
    }
    return;
  }
  if (value && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      assertStorableText(key, path);
      assertStorableText(v, path ? `${path}.${key}` : key);
    }
  }
}
