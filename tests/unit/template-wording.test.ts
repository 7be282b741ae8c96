// Herald's own follow-up texts read well when the customer's name or the booking link is unknown
// (they used to say "Sorry we missed you, there! … book at (call us back)").
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Client } from "../../lib/generated/sqlite/client";
import { followUpVariables, renderFollowUp } from "../../lib/followups/render";
import type { CallFacts, PlannedFollowUp } from "../../lib/followups/plan";
import { renderTemplate } from "../../lib/templates/render";

const client = { id: "c1", name: "Bright Smile Dental", timezone: "America/New_York" } as Client;
const facts = (over: Partial<CallFacts> = {}): CallFacts => ({ customerName: null, customerEmail: null, customerPhone: "+15551234567", customerTimezone: null, intent: null, booked: false, appointmentTime: null, custom: {}, ...over });
const plan = (kind: string, channel: PlannedFollowUp["channel"] = "sms"): PlannedFollowUp => ({ kind, channel, category: "transactional", to: "+15551234567", scheduledFor: new Date() });
const render = (kind: string, f: CallFacts, link = "", channel: PlannedFollowUp["channel"] = "sms", settings = {}) => {
  const out = renderFollowUp(plan(kind, channel), settings, followUpVariables(client, settings, f, link));
  assert.ok("body" in out, JSON.stringify(out));
  return out;
};

test("missed call without a name or a link", () => {
  assert.equal(render("missed_call", facts()).body, "Sorry we missed you! Bright Smile Dental will be happy to help: call us back. Reply STOP to opt out.");
});

test("missed call with both", () => {
  assert.equal(
    render("missed_call", facts({ customerName: "Dana" }), "https://book.example/bsd").body,
    "Sorry we missed you, Dana! Bright Smile Dental will be happy to help: call us back or book at https://book.example/bsd. Reply STOP to opt out.",
  );
});

test("nurture texts without a name or link have no stand-ins", () => {
  const sms = render("nurture_day1", facts()).body;
  assert.equal(sms, "Hi, thanks for calling Bright Smile Dental yesterday. Ready to book? Reply to this message. Reply STOP to opt out.");
  const email = render("nurture_day4", facts(), "", "email");
  assert.equal(email.subject, "Still thinking it over?");
  assert.doesNotMatch(email.body, /there|call us back\)|\[\[|\{\{/);
});

test("a client's own template that needs the name still gets the old stand-in", () => {
  const settings = { templates: { "missed_call.sms": { body: "Hello {{customerName}}, we missed you" } } };
  assert.equal(render("missed_call", facts(), "", "sms", settings).body, "Hello there, we missed you");
});

test("an optional part is kept when its variables have values, dropped when one does not", () => {
  assert.equal(renderTemplate("A[[ b {{x}} c {{y}}]].", { x: 1, y: 2 }), "A b 1 c 2.");
  assert.equal(renderTemplate("A[[ b {{x}} c {{y}}]].", { x: 1 }), "A.");
  assert.throws(() => renderTemplate("A {{x}}", {}), /missing x/);
});
