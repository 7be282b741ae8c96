import assert from "node:assert/strict";
import { test } from "node:test";
import { z } from "zod";
import { AppError, toErrorResponse } from "../../lib/errors";
import { newId } from "../../lib/ids";

test("zod issues become 400 VALIDATION_FAILED with paths", () => {
  const r = z.object({ to: z.string() }).safeParse({ to: 5 });
  const { status, body } = toErrorResponse(r.error);
  assert.equal(status, 400);
  assert.equal(body.error.code, "VALIDATION_FAILED");
  assert.equal(body.error.details?.[0]?.path, "to");
});

test("AppError maps its code; unknown errors are 500 INTERNAL with nothing leaked", () => {
  assert.equal(toErrorResponse(new AppError("INVALID_STATE", "x")).status, 409);
  assert.equal(toErrorResponse({ code: "P2002" }).status, 409);
  const r = toErrorResponse(new Error("password=hunter2"));
  assert.equal(r.status, 500);
  assert.equal(r.body.error.message, "internal error");
});

test("ids sort by creation time", () => {
  const ids = Array.from({ length: 1000 }, () => newId("msg"));
  assert.deepEqual([...ids].sort(), ids);
  assert.match(ids[0]!, /^msg_[0-9a-f]+$/);
});
