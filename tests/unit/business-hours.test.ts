import assert from "node:assert/strict";
import { test } from "node:test";
import { nextOpening } from "../../lib/followups/business-hours";
import { DEFAULT_BUSINESS_HOURS } from "../../lib/schemas/client";

const H = DEFAULT_BUSINESS_HOURS;

test("inside hours is now", () => {
  const at = new Date("2030-06-04T15:00:00Z"); // Tue 11:00 EDT
  assert.equal(nextOpening(H, "America/New_York", at)?.toISOString(), at.toISOString());
});

test("Friday evening in New York waits for Monday 09:00", () => {
  assert.equal(nextOpening(H, "America/New_York", new Date("2030-06-07T22:30:00Z"))?.toISOString(), "2030-06-10T13:00:00.000Z");
});

test("Tokyo (east of UTC): before opening waits for 09:00 JST the same day", () => {
  // 2030-06-04 06:00 JST = 2030-06-03T21:00Z
  assert.equal(nextOpening(H, "Asia/Tokyo", new Date("2030-06-03T21:00:00Z"))?.toISOString(), "2030-06-04T00:00:00.000Z");
});

test("across the spring DST change the opening is 09:00 local (EDT)", () => {
  // Sat 2030-03-09 (EST), DST starts Sun 2030-03-10; Monday 09:00 EDT = 13:00Z
  assert.equal(nextOpening(H, "America/New_York", new Date("2030-03-09T15:00:00Z"))?.toISOString(), "2030-03-11T13:00:00.000Z");
});

test("a lunch break and a closed week", () => {
  const lunch = { ...H, tue: [{ open: "09:00", close: "12:00" }, { open: "13:00", close: "17:00" }] };
  assert.equal(nextOpening(lunch, "UTC", new Date("2030-06-04T12:30:00Z"))?.toISOString(), "2030-06-04T13:00:00.000Z");
  const closed = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
  assert.equal(nextOpening(closed, "UTC", new Date("2030-06-04T12:30:00Z")), null);
});
