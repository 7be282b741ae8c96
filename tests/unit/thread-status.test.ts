import assert from "node:assert/strict";
import { test } from "node:test";
import { laterStatus, tickFor } from "../../components/conversations/thread-status";
import { windowState } from "../../components/conversations/whatsapp-window";
import { startsDay } from "../../components/conversations/day-divider";

test("a bubble's status only moves forward, whatever order the events come in", () => {
  const arrivals = ["sent", "pending", "read", "delivered", "sent"];
  assert.equal(arrivals.reduce<string | undefined>((s, next) => laterStatus(s, next), "sending"), "read");
  assert.equal(laterStatus("failed", "sent"), "sent", "a failed attempt the worker retried and sent");
  assert.equal(laterStatus("read", "dead_letter"), "dead_letter");
  assert.equal(laterStatus("delivered", "processing"), "delivered");
  assert.equal(laterStatus(undefined, "sent"), "sent");
});

test("ticks: clock until sent, one grey, two grey, two blue, red for a failure", () => {
  assert.deepEqual(["sending", "pending", "processing", "sent", "delivered", "read", "failed", "dead_letter"].map(tickFor), ["clock", "clock", "clock", "sent", "delivered", "read", "failed", "failed"]);
});

test("WhatsApp's window: open until windowClosesAt, closed after or when the customer never wrote; other channels have none", () => {
  const now = Date.parse("2026-03-02T12:00:00Z");
  assert.equal(windowState({ channel: "whatsapp", windowClosesAt: "2026-03-02T13:00:00Z" }, now).kind, "open");
  assert.equal(windowState({ channel: "whatsapp", windowClosesAt: "2026-03-02T11:00:00Z" }, now).kind, "closed");
  assert.equal(windowState({ channel: "whatsapp", windowClosesAt: null }, now).kind, "closed");
  assert.equal(windowState({ channel: "sms", windowClosesAt: null }, now).kind, "none");
});

test("a day divider goes before the first bubble and wherever the day changes", () => {
  assert.equal(startsDay("2026-03-02T12:00:00Z", undefined), true);
  assert.equal(startsDay("2026-03-02T12:05:00Z", "2026-03-02T12:00:00Z"), false);
  assert.equal(startsDay("2026-03-05T12:00:00Z", "2026-03-02T12:00:00Z"), true);
});
