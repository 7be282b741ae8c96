// A local generic HTTP SMS gateway (API.md "Configuration"): POST {to, from, body, messageId}
// as JSON with `Authorization: Bearer <token>`; 200 {id}, or an error {error: {code, message}}.
// Faults are scripted per recipient ("to").
import { FaultScript, startHttpDouble, toReply, type Fault, type HttpDouble } from "./http-double";

export const GATEWAY_TOKEN = "gateway-token";

export function gatewayError(status: number, code: string, message: string, headers?: Record<string, string>): Fault {
  return { status, headers, body: { error: { code, message } } };
}

export const gatewayFaults = {
  invalidNumber: gatewayError(422, "invalid_number", "not a mobile number"),
  unavailable: gatewayError(503, "unavailable", "try again later"),
  rateLimited: (retryAfterSeconds: number) => gatewayError(429, "rate_limited", "slow down", { "Retry-After": String(retryAfterSeconds) }),
  hangUp: { hangUp: true } as Fault,
};

export interface GatewaySms {
  to: string;
  from: string | null;
  body: string;
  messageId: string;
}

export interface GatewayDouble extends HttpDouble {
  accepted: GatewaySms[];
  faults: FaultScript;
}

export async function startGatewayDouble(token = GATEWAY_TOKEN): Promise<GatewayDouble> {
  const accepted: GatewaySms[] = [];
  const faults = new FaultScript();
  const http = await startHttpDouble((req) => {
    if (req.headers.authorization !== `Bearer ${token}`) return toReply(gatewayError(401, "unauthorized", "bad token"));
    const sms = JSON.parse(req.body) as GatewaySms;
    const fault = faults.take(sms.to);
    if (fault) return toReply(fault);
    accepted.push(sms);
    return { status: 200, body: { id: `gw-${accepted.length}` } };
  });
  return { ...http, url: `${http.url}/send`, accepted, faults };
}
