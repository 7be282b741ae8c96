// Quiet hours in the recipient's zone: zones from numbers, the legal window per state, the
// client's narrowing, and the intersection with business hours across DST changes.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { recipientOf } from "../../lib/compliance/recipient-zone";
import { nextLegalOpening, stateCodeOf, windowOn } from "../../lib/compliance/legal-window";
import { sendWindow } from "../../lib/compliance/send-window";
import type { BusinessHours } from "../../lib/schemas/client";

const CLIENT_ZONE = "Europe/Berlin";
const NONE = { notBefore: null, notAfter: null };
const ALWAYS: BusinessHours = Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, [{ open: "00:00", close: "24:00" }]])) as BusinessHours;

describe("recipient zone from the number", () => {
  const cases: [string, string, string, string | null][] = [
    ["+12145550123", "America/Chicago", "US", "TX"], // Dallas
    ["+12105550100", "America/Chicago", "US", "TX"], // San Antonio, TX
    ["+13055550123", "America/New_York", "US", "FL"], // Miami
    ["+14105550123", "America/New_York", "US", "MD"],
    ["+14015550123", "America/New_York", "US", "RI"],
    ["+12035550123", "America/New_York", "US", "CT"],
    ["+13105550123", "America/Los_Angeles", "US", "CA"],
    ["+13035550123", "America/Denver", "US", "CO"],
    ["+14165550123", "America/Toronto", "CA", null], // Ontario
    ["+16045550123", "America/Vancouver", "CA", null],
    ["+442071234567", "Europe/London", "GB", null],
    ["+447911123456", "Europe/London", "GB", null], // a UK mobile: several zones, one clock
    ["+81312345678", "Asia/Tokyo", "JP", null],
  ];
  for (const [number, zone, country, state] of cases) {
    test(`${number} → ${zone}${state ? ` (${state})` : ""}`, async () => {
      const r = await recipientOf(number, { clientZone: CLIENT_ZONE });
      assert.equal(r.zone, zone);
      assert.equal(r.source, "number");
      if (country !== "GB") assert.equal(r.country, country);
      assert.equal(r.state, state);
    });
  }
  test("a toll-free or unknown number falls back to the client's zone", async () => {
    for (const n of ["+18005550123", "+19995550123", "+999123", "not a number"]) {
      const r = await recipientOf(n, { clientZone: CLIENT_ZONE });
      assert.equal(r.zone, CLIENT_ZONE, n);
      assert.equal(r.source, "client", n);
    }
  });
  test("the customer's stored zone wins over the number; the state still comes from the number", async () => {
    const r = await recipientOf("+12145550123", { clientZone: CLIENT_ZONE, customerZone: "America/Denver" });
    assert.deepEqual([r.zone, r.source, r.state], ["America/Denver", "customer", "TX"]);
  });
  test("an email address has no number: the client's zone", async () => {
    assert.equal((await recipientOf("a@example.com", { clientZone: CLIENT_ZONE })).zone, CLIENT_ZONE);
  });
});

describe("legal windows per state", () => {
  test("state names and 'City, ST' both read as a state code", () => {
    assert.equal(stateCodeOf("Texas"), "TX");
    assert.equal(stateCodeOf("New York, NY"), "NY");
    assert.equal(stateCodeOf("Ontario"), null);
    assert.equal(stateCodeOf(null), null);
  });
  const hours = (w: { open: number; close: number }) => [w.open / 60, w.close / 60];
  test("federal default 08:00–21:00 (no state, or a state without a stricter rule)", () => {
    assert.deepEqual(hours(windowOn(3, null, NONE)), [8, 21]);
    assert.deepEqual(hours(windowOn(3, "NY", NONE)), [8, 21]);
  });
  for (const s of ["FL", "MD", "MS", "NJ", "OK"]) {
    test(`${s}: 08:00–20:00`, () => assert.deepEqual(hours(windowOn(2, s, NONE)), [8, 20]));
  }
  test("CT 09:00–20:00, RI 09:00–18:00", () => {
    assert.deepEqual(hours(windowOn(2, "CT", NONE)), [9, 20]);
    assert.deepEqual(hours(windowOn(2, "RI", NONE)), [9, 18]);
  });
  test("TX: not before noon on Sunday, 08:00 on other days", () => {
    assert.deepEqual(hours(windowOn(7, "TX", NONE)), [12, 21]);
    assert.deepEqual(hours(windowOn(6, "TX", NONE)), [8, 21]);
  });
  test("the client's quiet hours only narrow", () => {
    assert.deepEqual(hours(windowOn(2, "FL", { notBefore: 10 * 60, notAfter: 22 * 60 })), [10, 20]);
    assert.deepEqual(hours(windowOn(2, null, { notBefore: 6 * 60, notAfter: 19 * 60 })), [8, 19]);
  });
});

describe("send window: business hours ∩ legal window in the recipient's zone", () => {
  const texas = { zone: "America/Chicago", country: "US", state: "TX", source: "number" as const };
  const florida = { zone: "America/New_York", country: "US", state: "FL", source: "number" as const };
  test("Texas, Sunday 10:00 local waits until 12:00 and names the rule", () => {
    const d = sendWindow({ hours: ALWAYS, clientZone: CLIENT_ZONE, recipient: texas, narrowing: NONE }, new Date("2030-06-02T15:00:00Z")); // Sun 10:00 CDT
    assert.equal(d.open, false);
    assert.equal(!d.open && d.until?.toISOString(), "2030-06-02T17:00:00.000Z");
    assert.match(!d.open ? d.reason : "", /^quiet hours in America\/Chicago \(Texas, Sunday before 12:00\); held until Sun 2 Jun 12:00 CDT/);
  });
  test("Florida 20:30 local waits until 08:00 the next morning", () => {
    const d = sendWindow({ hours: ALWAYS, clientZone: CLIENT_ZONE, recipient: florida, narrowing: NONE }, new Date("2030-06-05T00:30:00Z")); // Tue 20:30 EDT
    assert.equal(!d.open && d.until?.toISOString(), "2030-06-05T12:00:00.000Z");
    assert.match(!d.open ? d.reason : "", /^quiet hours in America\/New_York \(Florida after 20:00\)/);
  });
  test("open in both: send now", () => {
    assert.deepEqual(sendWindow({ hours: ALWAYS, clientZone: CLIENT_ZONE, recipient: florida, narrowing: NONE }, new Date("2030-06-04T15:00:00Z")), { open: true });
  });
  test("client hours 09–17 Berlin and a Los Angeles recipient do not overlap: no opening, not a hold for months", () => {
    const nineToFive = { ...ALWAYS, mon: [{ open: "09:00", close: "17:00" }], tue: [{ open: "09:00", close: "17:00" }], wed: [], thu: [], fri: [], sat: [], sun: [] } as BusinessHours;
    const la = { zone: "America/Los_Angeles", country: "US", state: "CA", source: "number" as const };
    // Berlin 17:00 = LA 08:00: the windows touch but do not overlap (until Europe's clocks go back in October).
    const d = sendWindow({ hours: nineToFive, clientZone: CLIENT_ZONE, recipient: la, narrowing: NONE }, new Date("2030-06-03T06:00:00Z"));
    assert.equal(d.open, false);
    assert.equal(!d.open && d.until, null);
  });
  test("overlap found by stepping both windows: New York client 09–17, Tokyo recipient → 19:00 NY (08:00 JST)", () => {
    const ny: BusinessHours = { mon: [{ open: "09:00", close: "22:00" }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    const tokyo = { zone: "Asia/Tokyo", country: "JP", state: null, source: "number" as const };
    const d = sendWindow({ hours: ny, clientZone: "America/New_York", recipient: tokyo, narrowing: NONE }, new Date("2030-06-03T13:00:00Z")); // Mon 09:00 EDT = 22:00 JST
    assert.equal(!d.open && d.until?.toISOString(), "2030-06-03T23:00:00.000Z"); // Mon 19:00 EDT = Tue 08:00 JST
  });
});

describe("quiet hours across DST changes", () => {
  test("spring forward in Chicago: 07:30 CST on Saturday waits until 08:00 CST; 07:30 CDT on Monday until 08:00 CDT", () => {
    // 2030-03-10 is the US spring-forward Sunday.
    assert.equal(nextLegalOpening("America/Chicago", null, NONE, new Date("2030-03-09T13:30:00Z")).opening?.toISOString(), "2030-03-09T14:00:00.000Z");
    assert.equal(nextLegalOpening("America/Chicago", null, NONE, new Date("2030-03-11T12:30:00Z")).opening?.toISOString(), "2030-03-11T13:00:00.000Z");
  });
  test("Texas on the spring-forward Sunday: 12:00 CDT, after the clocks moved", () => {
    const r = nextLegalOpening("America/Chicago", "TX", NONE, new Date("2030-03-10T07:00:00Z")); // 01:00 CST
    assert.equal(r.opening?.toISOString(), "2030-03-10T17:00:00.000Z");
    assert.equal(r.rule, "Texas, Sunday before 12:00");
  });
  test("fall back in London: 21:30 BST on Saturday waits until 08:00 GMT on Sunday", () => {
    // 2030-10-27 is the EU fall-back Sunday.
    const r = nextLegalOpening("Europe/London", null, NONE, new Date("2030-10-26T20:30:00Z"));
    assert.equal(r.opening?.toISOString(), "2030-10-27T08:00:00.000Z");
    assert.equal(r.rule, "after 21:00");
  });
});
