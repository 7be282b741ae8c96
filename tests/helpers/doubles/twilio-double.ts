// A local stand-in for Twilio's Messages API: POST /2010-04-01/Accounts/{sid}/Messages.json,
// form-encoded, HTTP Basic auth; 201 with the message resource, or Twilio's error JSON
// {code, message, more_info, status}. Faults are scripted per recipient ("To").
// GET /2010-04-01/Accounts/{sid}.json answers the account (the credential check at start).
import { randomBytes } from "node:crypto";
import { FaultScript, startHttpDouble, toReply, type Fault, type HttpDouble } from "./http-double";

export const TWILIO_SID = "AC00000000000000000000000000000001";
export const TWILIO_TOKEN = "test-auth-token";

export function twilioError(status: number, code: number, message: string, headers?: Record<string, string>): Fault {
  return { status, headers, body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status } };
}

export const twilioFaults = {
  invalidNumber: twilioError(400, 21211, "The 'To' number is not a valid phone number."),
  notMobile: twilioError(400, 21614, "'To' number is not a valid mobile number"),
  unsubscribed: twilioError(400, 21610, "Attempt to send to unsubscribed recipient"),
  senderNotAllowed: twilioError(400, 21606, "The From phone number is not a valid, SMS-capable inbound phone number for your account."),
  unavailable: twilioError(503, 20503, "Service Unavailable"),
  /** WhatsApp free text to a customer who has not written in 24 hours. */
  outsideWindow: twilioError(400, 63016, "Failed to send freeform message because you are outside the allowed window. If you are using WhatsApp, please use a Message Template."),
  rateLimited: (retryAfterSeconds: number) => twilioError(429, 20429, "Too Many Requests", { "Retry-After": String(retryAfterSeconds) }),
  hangUp: { hangUp: true } as Fault,
};

export interface TwilioDouble extends HttpDouble {
  /** Form fields of every message the double accepted, in order. */
  accepted: Record<string, string>[];
  /** Every MediaUrl of each accepted message (the form repeats the field), aligned with `accepted`. */
  acceptedMedia: string[][];
  faults: FaultScript;
  /** The `price` the next accepted messages carry (Twilio usually sends null at creation). */
  price: string | null;
  /** The account's status in GET /Accounts/{sid}.json (active, suspended, closed). */
  accountStatus: string;
}

export async function startTwilioDouble(opts: { accountSid?: string; authToken?: string } = {}): Promise<TwilioDouble> {
  const sid = opts.accountSid ?? TWILIO_SID;
  const expectedAuth = `Basic ${Buffer.from(`${sid}:${opts.authToken ?? TWILIO_TOKEN}`).toString("base64")}`;
  const accepted: Record<string, string>[] = [];
  const acceptedMedia: string[][] = [];
  const faults = new FaultScript();
  const double: TwilioDouble = {
    ...(await startHttpDouble((req) => {
      const path = `/2010-04-01/Accounts/${sid}/Messages.json`;
      if (req.method === "GET" && req.path === `/2010-04-01/Accounts/${sid}.json`) {
        if (req.headers.authorization !== expectedAuth) return toReply(twilioError(401, 20003, "Authenticate"));
        return { status: 200, body: { sid, friendly_name: "Herald test account", status: double.accountStatus, type: "Full" } };
      }
      if (req.method !== "POST" || req.path !== path) return toReply(twilioError(404, 20404, "The requested resource was not found"));
      if (req.headers.authorization !== expectedAuth) return toReply(twilioError(401, 20003, "Authenticate"));
      if (!String(req.headers["content-type"]).startsWith("application/x-www-form-urlencoded")) {
        return toReply(twilioError(400, 20001, "form-encoded body expected"));
      }
      const form = new URLSearchParams(req.body);
      const params = Object.fromEntries(form);
      // Twilio's own checks on what a message says: something to send, a well-formed template id.
      if (!params.Body && !form.has("MediaUrl") && !params.ContentSid) return toReply(twilioError(400, 21619, "A text message body or media urls must be specified."));
      if (params.ContentSid && !/^HX[0-9a-f]{32}$/i.test(params.ContentSid)) return toReply(twilioError(400, 21655, "The ContentSid is Invalid."));
      const fault = faults.take(params.To ?? "");
      if (fault) return toReply(fault);
      accepted.push(params);
      acceptedMedia.push(form.getAll("MediaUrl"));
      const messageSid = `SM${randomBytes(16).toString("hex")}`;
      return {
        status: 201,
        body: {
          sid: messageSid,
          account_sid: sid,
          to: params.To,
          from: params.From ?? null,
          messaging_service_sid: params.MessagingServiceSid ?? null,
          body: params.Body ?? "",
          num_media: String(form.getAll("MediaUrl").length),
          status: "queued",
          num_segments: "1",
          price: double.price,
          price_unit: "USD",
          error_code: null,
          error_message: null,
          date_created: new Date().toUTCString(),
          uri: `/2010-04-01/Accounts/${sid}/Messages/${messageSid}.json`,
        },
      };
    })),
    accepted,
    acceptedMedia,
    faults,
    price: null,
    accountStatus: "active",
  };
  return double;
}
