// WhatsApp's 24-hour window decided at send time (lib/whatsapp/window.ts), the template map
// and its variables (lib/whatsapp/templates.ts), what Twilio is asked to send (contentOf),
// the follow-up channel per kind, the media fields, and the settings schema's checks.
import assert from "node:assert/strict";
import { test } from "node:test";
import { decideWhatsAppSend, type WhatsAppSendInput } from "../../lib/whatsapp/window";
import { findWhatsAppTemplate, renderContentVariables } from "../../lib/whatsapp/templates";
import { classifyTwilioError, contentOf } from "../../lib/providers/twilio";
import { phoneChannelFor } from "../../lib/followups/plan";
import { rulesFromSettings } from "../../lib/followups/rules";
import { inboundMediaUrls, mediaUrlsOf } from "../../lib/messages/media";
import { clientSettingsSchema } from "../../lib/schemas/client";
import { messageInputSchema } from "../../lib/schemas/message";

const NOW = new Date("2030-05-06T14:00:00Z");
const SID = "HX0123456789abcdef0123456789abcdef";
const input = (over: Partial<WhatsAppSendInput> & { kind?: string | null } = {}): WhatsAppSendInput => ({
  message: { kind: over.kind === undefined ? "reminder_24h" : over.kind, template: null, to: "whatsapp:+15551230000", variables: JSON.stringify({ customerName: "Dana", appointmentTime: "Thursday at 10:00 AM" }) },
  windowClosesAt: null,
  now: NOW,
  client: { name: "Bright Smile Dental", smsFrom: "+15550001111" },
  settings: {},
  smsSuppressed: false,
  ...over,
});

test("inside the window: free text, whatever is mapped", () => {
  assert.deepEqual(decideWhatsAppSend(input({ windowClosesAt: new Date(NOW.getTime() + 1000), settings: { whatsappTemplates: { reminder: { contentSid: SID, variables: {} } } } })), { mode: "free_text" });
});

test("window closed (or never opened), a template mapped under the general kind: the template, variables rendered", () => {
  for (const windowClosesAt of [null, new Date(NOW.getTime() - 1)]) {
    const d = decideWhatsAppSend(input({ windowClosesAt, settings: { whatsappTemplates: { reminder: { contentSid: SID, variables: { "1": "{{customer_name}}", "2": "{{appointmentTime}} at {{businessName}}" } } } } }));
    assert.equal(d.mode, "template");
    if (d.mode !== "template") return;
    assert.deepEqual(d.contentVariables, { "1": "Dana", "2": "Thursday at 10:00 AM at Bright Smile Dental" });
    assert.match(d.note, /approved template for 'reminder'/);
  }
});

test("window closed, no template: a follow-up falls back to SMS with its SMS text and the bare number", () => {
  const d = decideWhatsAppSend(input());
  assert.equal(d.mode, "sms");
  if (d.mode !== "sms") return;
  assert.equal(d.to, "+15551230000");
  assert.equal(d.body, "Reminder: your appointment with Bright Smile Dental is tomorrow, Thursday at 10:00 AM. Reply STOP to opt out.");
});

test("window closed, no template, no SMS allowed: dead letter, saying why", () => {
  const reason = (over: Partial<WhatsAppSendInput> & { kind?: string | null }) => {
    const d = decideWhatsAppSend(input(over));
    assert.equal(d.mode, "dead_letter");
    return d.mode === "dead_letter" ? d.reason : "";
  };
  assert.equal(reason({ kind: "conversation_reply" }), "WhatsApp's 24-hour window is closed and no approved template is mapped for 'conversation_reply' (not sent by SMS instead: only follow-ups fall back to SMS)");
  assert.match(reason({ client: { name: "X", smsFrom: null } }), /no approved template is mapped for 'reminder_24h' or 'reminder' \(not sent by SMS instead: the client has no SMS sender\)$/);
  assert.match(reason({ smsSuppressed: true }), /the customer opted out of SMS/);
  assert.match(reason({ settings: { followUps: { whatsappSmsFallback: false } } }), /the follow-up rules do not allow SMS instead/);
  assert.match(reason({ kind: null }), /the message has no kind to map an approved template by/);
  assert.match(reason({ kind: "conversation_reply", settings: { whatsappTemplates: { conversation_reply: { contentSid: SID, variables: { "1": "{{visitReason}}" } } } } }), /the approved template for 'conversation_reply' has no value for visitReason/);
});

test("a message's template names the kind when it has none", () => {
  const d = decideWhatsAppSend({ ...input({ settings: { whatsappTemplates: { confirmation: { contentSid: SID, variables: {} } } } }), message: { kind: null, template: "confirmation.whatsapp", to: "+15551230000", variables: null } });
  assert.equal(d.mode, "template");
});

test("template lookup: the specific kind first, then the general one; an unreadable map finds nothing", () => {
  const map = { reminder: { contentSid: SID, variables: {} }, reminder_1h: { contentSid: SID.replace("0", "1"), variables: {} } };
  assert.equal(findWhatsAppTemplate("reminder_1h", map)?.kind, "reminder_1h");
  assert.equal(findWhatsAppTemplate("reminder_24h", map)?.kind, "reminder");
  assert.equal(findWhatsAppTemplate("confirmation", map), null);
  assert.equal(findWhatsAppTemplate("reminder", { reminder: { contentSid: "nope" } }), null);
  assert.deepEqual(renderContentVariables({ contentSid: SID, variables: { "1": "[[{{customerName}}]]" } }, {}), { missing: ["customerName"] });
});

test("what Twilio is asked: a template has ContentSid and ContentVariables and no Body; free text its Body and every MediaUrl", () => {
  assert.deepEqual(contentOf({ body: "hi", mediaUrls: ["https://a/x.png"], whatsappTemplate: { contentSid: SID, contentVariables: { "1": "Dana" } } }), { contentSid: SID, contentVariables: '{"1":"Dana"}' });
  assert.deepEqual(contentOf({ body: "hi", mediaUrls: ["https://a/x.png", "https://a/y.png"] }), { body: "hi", mediaUrl: ["https://a/x.png", "https://a/y.png"] });
  assert.deepEqual(contentOf({ body: " ", mediaUrls: ["https://a/x.png"] }), { mediaUrl: ["https://a/x.png"] });
});

test("Twilio 63016 is permanent: the recipient class (no failover, no retry)", () => {
  assert.equal(classifyTwilioError(400, 63016), "recipient");
});

test("the follow-up channel per kind: WhatsApp only with a WhatsApp sender", () => {
  const rules = rulesFromSettings({ followUps: { channels: { reminder: "whatsapp", confirmation: "whatsapp" } } });
  assert.equal(phoneChannelFor("reminder_24h", rules, true), "whatsapp");
  assert.equal(phoneChannelFor("confirmation", rules, false), "sms");
  assert.equal(phoneChannelFor("missed_call", rules, true), "sms");
  assert.equal(rulesFromSettings({}).whatsappSmsFallback, true);
});

test("media: one URL or up to ten in, a list out; not on email; inbound MediaUrl0..N in order", () => {
  const base = { clientId: "c", channel: "sms", to: "+15551230000" };
  assert.deepEqual(messageInputSchema.parse({ ...base, mediaUrl: "https://a/x.png" }).mediaUrl, ["https://a/x.png"]);
  assert.equal(messageInputSchema.safeParse({ ...base, mediaUrl: "ftp://a/x.png" }).success, false);
  assert.equal(messageInputSchema.safeParse({ ...base, mediaUrl: Array(11).fill("https://a/x.png") }).success, false);
  assert.equal(messageInputSchema.safeParse({ ...base, channel: "email", to: "a@b.co", subject: "s", body: "b", mediaUrl: "https://a/x.png" }).success, false);
  assert.equal(messageInputSchema.safeParse(base).success, false, "something to send");
  assert.deepEqual(inboundMediaUrls({ NumMedia: "2", MediaUrl0: "https://a/0", MediaUrl1: "https://a/1", MediaUrl5: "javascript:x" }), ["https://a/0", "https://a/1"]);
  assert.deepEqual(mediaUrlsOf('{"mediaUrl":"https://a/w"}'), ["https://a/w"], "the widget's one URL");
  assert.deepEqual(mediaUrlsOf("not json"), []);
});

test("settings: a template map is checked when saved (Content SID, numbered placeholders, known variables)", () => {
  const ok = clientSettingsSchema.safeParse({ whatsappTemplates: { confirmation: { contentSid: SID, variables: { "1": "{{customer_name}}", "2": "{{appointmentTime}}" } } } });
  assert.ok(ok.success, JSON.stringify(ok.error?.issues));
  const paths = (v: unknown) => (clientSettingsSchema.safeParse({ whatsappTemplates: v }).error?.issues ?? []).map((i) => i.path.join("."));
  assert.deepEqual(paths({ confirmation: { contentSid: "SM123", variables: {} } }), ["whatsappTemplates.confirmation.contentSid"]);
  assert.deepEqual(paths({ confirmation: { contentSid: SID, variables: { one: "x" } } }), ["whatsappTemplates.confirmation.variables.one"]);
  assert.deepEqual(paths({ confirmation: { contentSid: SID, variables: { "1": "{{shoeSize}}" } } }), ["whatsappTemplates.confirmation.variables.1"]);
});
