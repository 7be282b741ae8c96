// The email providers through their real SDKs: nodemailer against a real SMTP receiver
// (smtp-server), @sendgrid/mail against a local SendGrid double.
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import { createSendgridProvider } from "../../lib/providers/sendgrid";
import { createSmtpProvider } from "../../lib/providers/smtp";
import type { Provider } from "../../lib/providers/types";
import { refusedUrl } from "../helpers/doubles/http-double";
import { outgoing, providerError } from "../helpers/doubles/outgoing";
import { SENDGRID_KEY, sendgridFaults, startSendgridDouble, type SendgridDouble } from "../helpers/doubles/sendgrid-double";
import { startSmtpDouble, type SmtpDouble } from "../helpers/doubles/smtp-double";

const email = (to = "patient@example.com", from: string | null = "desk@brightsmile.example") =>
  outgoing({ channel: "email", to, from, subject: "Your appointment", body: "See you on Monday at 10:00." });

describe("smtp provider", () => {
  let smtp: SmtpDouble;
  let provider: Provider;
  before(async () => {
    smtp = await startSmtpDouble();
    provider = createSmtpProvider({ url: smtp.url, defaultFrom: "herald@example.com" });
  });
  after(async () => {
    await provider.close?.();
    await smtp.close();
  });
  beforeEach(() => {
    smtp.clear();
    smtp.received.length = 0;
  });

  test("an email reaches the SMTP server once, from the client's address", async () => {
    const result = await provider.send(email());
    assert.equal(smtp.received.length, 1);
    const mail = smtp.received[0]!;
    assert.equal(mail.from, "desk@brightsmile.example");
    assert.deepEqual(mail.to, ["patient@example.com"]);
    assert.match(mail.raw, /^Subject: Your appointment\r?$/m);
    assert.match(mail.raw, /See you on Monday at 10:00\./);
    assert.ok(mail.raw.includes(`Message-ID: ${result.providerMessageId}`), "the provider id is the Message-ID");
    assert.equal(provider.reportsDelivery, false);
  });

  test("without a client address the default sender is used", async () => {
    await provider.send(email("patient@example.com", null));
    assert.equal(smtp.received[0]!.from, "herald@example.com");
  });

  test("a 550 on the recipient is a recipient error with the server's reply", async () => {
    smtp.reject("gone@example.com", 550, "5.1.1 No such user here");
    const err = await providerError(provider.send(email("gone@example.com")));
    assert.equal(err.errorClass, "recipient");
    assert.equal(err.code, "550");
    assert.match(err.message, /No such user here/);
    assert.equal(smtp.received.length, 0);
  });

  test("a 4xx on the recipient is transient", async () => {
    smtp.reject("busy@example.com", 451, "4.3.0 Try again later");
    const err = await providerError(provider.send(email("busy@example.com")));
    assert.equal(err.errorClass, "transient");
    assert.equal(err.code, "451");
  });

  test("a refused connection is transient", async () => {
    const down = createSmtpProvider({ url: (await refusedUrl()).replace("http:", "smtp:"), defaultFrom: "herald@example.com" });
    const err = await providerError(down.send(email()));
    assert.equal(err.errorClass, "transient");
    assert.equal(err.code, "ECONNREFUSED");
    await down.close?.();
  });
});

describe("sendgrid provider", () => {
  let double: SendgridDouble;
  const sendgrid = (apiKey = SENDGRID_KEY) => createSendgridProvider({ apiKey, apiBaseUrl: double.url, defaultFrom: "herald@example.com" });
  before(async () => {
    double = await startSendgridDouble();
  });
  after(() => double.close());
  beforeEach(() => {
    double.faults.clear();
    double.accepted.length = 0;
    double.requests.length = 0;
  });

  test("an email reaches SendGrid once; the X-Message-Id is the provider id", async () => {
    const message = email();
    const result = await sendgrid().send(message);
    assert.equal(double.accepted.length, 1);
    const { mail, messageId } = double.accepted[0]!;
    assert.deepEqual(mail.personalizations[0]!.to, [{ email: "patient@example.com" }]);
    assert.equal(mail.from.email, "desk@brightsmile.example");
    assert.equal(mail.subject, "Your appointment");
    assert.deepEqual(mail.content, [{ type: "text/plain", value: "See you on Monday at 10:00." }]);
    assert.equal(mail.custom_args?.heraldMessageId, message.id);
    assert.equal(result.providerMessageId, messageId);
  });

  test("the base URL survives setApiKey: nothing goes to api.sendgrid.com", async () => {
    await sendgrid().send(email());
    assert.equal(double.requests.length, 1);
    assert.equal(double.requests[0]!.headers.authorization, `Bearer ${SENDGRID_KEY}`);
  });

  const cases = [
    { name: "an invalid recipient address (400 on personalizations.to)", fault: sendgridFaults.invalidRecipient, errorClass: "recipient", code: "HTTP_400" },
    { name: "an invalid sender address (400 on from)", fault: sendgridFaults.badFrom, errorClass: "provider", code: "HTTP_400" },
    { name: "an unverified sender (403)", fault: sendgridFaults.unverifiedSender, errorClass: "provider", code: "HTTP_403" },
    { name: "SendGrid being unavailable (503)", fault: sendgridFaults.unavailable, errorClass: "transient", code: "HTTP_503" },
  ];
  for (const c of cases) {
    test(`${c.name} is a ${c.errorClass} error`, async () => {
      double.faults.add("patient@example.com", c.fault);
      const err = await providerError(sendgrid().send(email()));
      assert.equal(err.errorClass, c.errorClass);
      assert.equal(err.code, c.code);
      assert.equal(double.accepted.length, 0);
    });
  }

  test("a rejected API key (401) is a provider error", async () => {
    const err = await providerError(sendgrid("SG.revoked").send(email()));
    assert.equal(err.errorClass, "provider");
    assert.equal(err.code, "HTTP_401");
    assert.match(err.message, /authorization grant is invalid/);
  });

  test("429 with Retry-After is transient and carries retryAfterMs", async () => {
    double.faults.add("patient@example.com", sendgridFaults.rateLimited(12));
    const err = await providerError(sendgrid().send(email()));
    assert.equal(err.errorClass, "transient");
    assert.equal(err.retryAfterMs, 12_000);
  });

  test("a refused connection is transient", async () => {
    const down = createSendgridProvider({ apiKey: SENDGRID_KEY, apiBaseUrl: await refusedUrl(), defaultFrom: "herald@example.com" });
    const err = await providerError(down.send(email()));
    assert.equal(err.errorClass, "transient");
    assert.equal(err.code, "ECONNREFUSED");
  });
});
