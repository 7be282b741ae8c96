// A local stand-in for SendGrid's v3 Mail Send API: POST /v3/mail/send with a bearer
// key and a JSON body; 202 with X-Message-Id, or SendGrid's error JSON {errors: [...]}.
// Faults are scripted per recipient (personalizations[0].to[0].email). GET /v3/scopes answers
// the key's scopes (the credential check at start).
import { randomBytes } from "node:crypto";
import { FaultScript, startHttpDouble, toReply, type Fault, type HttpDouble } from "./http-double";

export const SENDGRID_KEY = "SG.test-key";

export function sendgridError(status: number, errors: { message: string; field?: string | null }[], headers?: Record<string, string>): Fault {
  return { status, headers, body: { errors: errors.map((e) => ({ field: null, help: null, ...e })) } };
}

export const sendgridFaults = {
  invalidRecipient: sendgridError(400, [{ message: "Does not contain a valid address.", field: "personalizations.0.to.0.email" }]),
  unverifiedSender: sendgridError(403, [{ message: "The from address does not match a verified Sender Identity.", field: "from" }]),
  badFrom: sendgridError(400, [{ message: "The from email does not contain a valid address.", field: "from.email" }]),
  unavailable: sendgridError(503, [{ message: "Service Unavailable" }]),
  rateLimited: (retryAfterSeconds: number) => sendgridError(429, [{ message: "too many requests" }], { "Retry-After": String(retryAfterSeconds) }),
};

export interface SendgridMail {
  personalizations: { to: { email: string }[] }[];
  from: { email: string };
  subject: string;
  content: { type: string; value: string }[];
  custom_args?: Record<string, string>;
}

export interface SendgridDouble extends HttpDouble {
  accepted: { mail: SendgridMail; messageId: string }[];
  faults: FaultScript;
  /** What GET /v3/scopes answers for the key. */
  scopes: string[];
}

export async function startSendgridDouble(apiKey = SENDGRID_KEY): Promise<SendgridDouble> {
  const accepted: SendgridDouble["accepted"] = [];
  const faults = new FaultScript();
  const unauthorized = () => toReply(sendgridError(401, [{ message: "The provided authorization grant is invalid, expired, or revoked" }]));
  const http = await startHttpDouble((req) => {
    if (req.method === "GET" && req.path === "/v3/scopes") {
      if (req.headers.authorization !== `Bearer ${apiKey}`) return unauthorized();
      return { status: 200, body: { scopes: double.scopes } };
    }
    if (req.method !== "POST" || req.path !== "/v3/mail/send") return toReply(sendgridError(404, [{ message: "Not found" }]));
    if (req.headers.authorization !== `Bearer ${apiKey}`) return unauthorized();
    const mail = JSON.parse(req.body) as SendgridMail;
    const fault = faults.take(mail.personalizations[0]?.to[0]?.email ?? "");
    if (fault) return toReply(fault);
    const messageId = randomBytes(11).toString("base64url");
    accepted.push({ mail, messageId });
    return { status: 202, headers: { "X-Message-Id": messageId } };
  });
  const double: SendgridDouble = { ...http, accepted, faults, scopes: ["mail.send", "scopes.read"] };
  return double;
}
