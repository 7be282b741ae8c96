// The one way a JSON body becomes a value, for route handlers and the paths server.ts
// serves itself: depth bounded before parsing, invalid JSON 400, unstorable text 400.
import { AppError } from "../errors";
import { assertStorableText } from "./clean-text";
import { assertJsonDepth } from "./json-depth";

export function parseJsonBody(text: string): unknown {
  assertJsonDepth(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("INVALID_JSON", "body is not valid JSON");
  }
  assertStorableText(value);
  return value;
}
