import assert from "node:assert/strict";
import { test } from "node:test";
import { MAX_JSON_DEPTH, assertJsonDepth } from "../../lib/http/json-depth";
import { AppError } from "../../lib/errors";

const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

test("nesting up to the limit passes; one level more is 400 INVALID_JSON", () => {
  assertJsonDepth(nested(MAX_JSON_DEPTH));
  assert.throws(() => assertJsonDepth(nested(MAX_JSON_DEPTH + 1)), (e) => e instanceof AppError && e.code === "INVALID_JSON" && e.status === 400);
});

test("a body nested 150,000 deep is refused without walking it recursively", () => {
  assert.throws(() => assertJsonDepth(`{"metadata":${nested(150_000)}}`), AppError);
});

test("brackets inside strings, escaped quotes included, do not count", () => {
  assertJsonDepth(JSON.stringify({ text: "[".repeat(1000), quoted: 'a \\" [[[[' + "{".repeat(500) }));
  assertJsonDepth(JSON.stringify([{ a: [{ b: "]]]]]]" }] }]));
});
