// What an alert says, and how it looks in Slack (incoming-webhook JSON) and in an email.
import { createHash } from "node:crypto";
import type { ErrorEventPayload, MessageEventPayload } from "../realtime/contract";

export type AlertKind = "critical" | "dead_letter" | "queue_lag";

export interface Alert {
  kind: AlertKind;
  fingerprint: string;
  title: string;
  detail: string;
  /** Short "label: value" facts shown under the detail. */
  facts: [string, string][];
  /** Where in the console to look. */
  url: string;
  at: Date;
}

const EMOJI: Record<AlertKind, string> = { critical: ":rotating_light:", dead_letter: ":envelope_with_arrow:", queue_lag: ":hourglass_flowing_sand:" };

const base = (publicUrl: string) => publicUrl.replace(/\/+$/, "");

function query(params: Record<string, string | null | undefined>): string {
  const entries = Object.entries(params).filter((e): e is [string, string] => !!e[1]);
  return new URLSearchParams(entries).toString();
}

export function criticalAlert(p: ErrorEventPayload, publicUrl: string, at: Date): Alert {
  const facts: [string, string][] = [["service", `${p.service}${p.operation ? ` · ${p.operation}` : ""}`]];
  if (p.errorType) facts.push(["type", p.errorType]);
  if (p.clientId) facts.push(["client", p.clientId]);
  return {
    kind: "critical",
    fingerprint: `error:${p.fingerprint ?? p.id}`,
    title: `Critical error in ${p.service}`,
    detail: p.message,
    facts,
    url: `${base(publicUrl)}/errors?${query({ severity: "critical", resolved: "false", service: p.service, type: p.errorType, clientId: p.clientId })}`,
    at,
  };
}

/** A recipient, recognisable but not spelled out in a chat channel. */
export function maskRecipient(to: string): string {
  const address = to.replace(/^whatsapp:/, "");
  const at = address.indexOf("@");
  if (at > 0) return `${address[0]}•••${address.slice(at)}`;
  return address.length > 7 ? `${address.slice(0, 5)}•••${address.slice(-4)}` : "•••";
}

// Dead letters group by client, channel and the shape of the reason (digits and addresses
// blanked), so a hundred numbers refused for the same cause make one alert and a summary.
function reasonShape(reason: string): string {
  return reason.toLowerCase().replace(/\S+@\S+/g, "@").replace(/\d+/g, "#").slice(0, 120);
}

export function deadLetterAlert(p: MessageEventPayload, publicUrl: string, at: Date): Alert {
  const reason = p.error ?? "no reason recorded";
  const shape = createHash("sha1").update(`${p.clientId}|${p.channel}|${reasonShape(reason)}`).digest("hex").slice(0, 16);
  const facts: [string, string][] = [
    ["client", p.clientId],
    ["channel", p.channel],
    ["to", maskRecipient(p.to)],
    ["attempts", String(p.attempts)],
  ];
  if (p.provider) facts.push(["provider", p.provider]);
  return {
    kind: "dead_letter",
    fingerprint: `dead_letter:${shape}`,
    title: `Message dead-lettered (${p.channel})`,
    detail: reason,
    facts,
    url: `${base(publicUrl)}/messages?${query({ tab: "dead_letter", clientId: p.clientId })}`,
    at,
  };
}

export function formatDuration(ms: number): string {
  if (ms < 120_000) return `${Math.round(ms / 1000)} s`;
  if (ms < 7_200_000) return `${Math.round(ms / 60_000)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

export function queueLagAlert(lagMs: number, thresholdMs: number, publicUrl: string, at: Date): Alert {
  return {
    kind: "queue_lag",
    fingerprint: "queue_lag",
    title: "Queue lag above threshold",
    detail: `The oldest due message has waited ${formatDuration(lagMs)} (threshold ${formatDuration(thresholdMs)}). Is the worker running?`,
    facts: [["lag", formatDuration(lagMs)]],
    url: `${base(publicUrl)}/messages?tab=pending`,
    at,
  };
}

/** The note of a summary: "50 more in the last 10 min". */
export function moreLine(count: number, windowMs: number): string {
  return `${count} more in the last ${formatDuration(windowMs)}`;
}

// Slack mrkdwn treats &, < and > as control characters.
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function toSlackPayload(alert: Alert, note?: string) {
  const headline = `${EMOJI[alert.kind]} *${esc(alert.title)}*${note ? ` — ${esc(note)}` : ""}`;
  const facts = alert.facts.map(([k, v]) => `${k}: \`${esc(v)}\``).join(" · ");
  return {
    text: `[Herald] ${alert.title}${note ? ` (${note})` : ""}: ${alert.detail}`.slice(0, 3000),
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `${headline}\n>${esc(alert.detail).slice(0, 2500)}` } },
      { type: "context", elements: [{ type: "mrkdwn", text: `${facts} · ${alert.at.toISOString()}` }] },
      { type: "section", text: { type: "mrkdwn", text: `<${alert.url}|Open in Herald>` } },
    ],
  };
}

export function toEmail(alert: Alert, note?: string): { subject: string; body: string } {
  const lines = [
    alert.title + (note ? ` (${note})` : ""),
    "",
    alert.detail,
    "",
    ...alert.facts.map(([k, v]) => `${k}: ${v}`),
    `at: ${alert.at.toISOString()}`,
    "",
    `Open in Herald: ${alert.url}`,
  ];
  return { subject: `[Herald] ${alert.title}${note ? ` (${note})` : ""}`, body: lines.join("\n") };
}
