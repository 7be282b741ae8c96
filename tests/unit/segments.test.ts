import assert from "node:assert/strict";
import { test } from "node:test";
import { countSegments, estimateCostCents } from "../../lib/providers/segments";

test("plain GSM-7 text: 160 characters fit in one segment, 161 need two", () => {
  assert.deepEqual(countSegments("a".repeat(160)), { encoding: "GSM-7", segments: 1 });
  assert.deepEqual(countSegments("a".repeat(161)), { encoding: "GSM-7", segments: 2 });
  assert.deepEqual(countSegments("a".repeat(306)), { encoding: "GSM-7", segments: 2 });
  assert.deepEqual(countSegments("a".repeat(307)), { encoding: "GSM-7", segments: 3 });
  assert.deepEqual(countSegments(""), { encoding: "GSM-7", segments: 1 });
});

test("GSM-7 accented letters and symbols from the basic table stay GSM-7", () => {
  assert.equal(countSegments("Café à 10h, ¿Qué? £5 @home ÄÖÜß").encoding, "GSM-7");
});

test("extension characters take two septets", () => {
  assert.deepEqual(countSegments("€".repeat(80)), { encoding: "GSM-7", segments: 1 });
  assert.deepEqual(countSegments("€".repeat(81)), { encoding: "GSM-7", segments: 2 });
  assert.deepEqual(countSegments("a" + "{}[]~|^\\".repeat(10)), { encoding: "GSM-7", segments: 2 });
});

test("an extension character is not split across parts", () => {
  // 152 septets then a 2-septet character: it moves to the second part.
  assert.deepEqual(countSegments("a".repeat(152) + "€" + "a".repeat(152)), { encoding: "GSM-7", segments: 3 });
  assert.deepEqual(countSegments("a".repeat(151) + "€" + "a".repeat(153)), { encoding: "GSM-7", segments: 2 });
});

test("any character outside GSM-7 switches the whole message to UCS-2: 70, then 67 per part", () => {
  assert.deepEqual(countSegments("ç".repeat(70)), { encoding: "UCS-2", segments: 1 });
  assert.deepEqual(countSegments("Привет ".repeat(10)), { encoding: "UCS-2", segments: 1 });
  assert.deepEqual(countSegments("a".repeat(70) + "’"), { encoding: "UCS-2", segments: 2 });
  assert.deepEqual(countSegments("x".repeat(134)), { encoding: "GSM-7", segments: 1 });
  assert.deepEqual(countSegments("你".repeat(134)), { encoding: "UCS-2", segments: 2 });
  assert.deepEqual(countSegments("你".repeat(135)), { encoding: "UCS-2", segments: 3 });
});

test("an emoji counts two UTF-16 units and is not split", () => {
  assert.deepEqual(countSegments("😀".repeat(35)), { encoding: "UCS-2", segments: 1 });
  assert.deepEqual(countSegments("😀".repeat(36)), { encoding: "UCS-2", segments: 2 });
  // 66 units then an emoji (2 units): it starts the second part.
  assert.deepEqual(countSegments("你".repeat(66) + "😀" + "你".repeat(65)), { encoding: "UCS-2", segments: 2 });
  assert.deepEqual(countSegments("你".repeat(66) + "😀" + "你".repeat(66)), { encoding: "UCS-2", segments: 3 });
});

test("estimated cost: segments × price for SMS, per message for WhatsApp and email", () => {
  const prices = { sms: 0.79, whatsapp: 0.5, email: 0.1 };
  assert.equal(estimateCostCents("sms", "hello", prices), 1);
  assert.equal(estimateCostCents("sms", "a".repeat(400), prices), 2); // 3 × 0.79 = 2.37
  assert.equal(estimateCostCents("sms", "😀".repeat(100), { sms: 1 }), 4);
  assert.equal(estimateCostCents("whatsapp", "a".repeat(400), prices), 1);
  assert.equal(estimateCostCents("email", "a".repeat(4000), prices), 0);
  assert.equal(estimateCostCents("sms", "hello", {}), 0);
});
