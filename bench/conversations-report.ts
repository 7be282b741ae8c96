// Rows 7 of the printed table: the conversations phase (bench/conversations-phase.ts), with
// its targets from issue 12 beside each figure.
import type { ConversationsResult } from "./conversations-phase";
import { fmtInt, fmtMs, mb } from "./measure";

/** Issue 12 "Speed": widget send → provider send() p95 on SQLite; the inbox's reads on both databases. */
export const CONVERSATION_TARGETS = { widgetToSendP95Ms: 25, inboxReadP95Ms: 200 };

const pass = (ok: boolean) => (ok ? "PASS" : "MISS");

interface Run { dialect: string; conversations?: ConversationsResult }

export function conversationRows(runs: Run[], cell: (f: (r: Run) => string) => string[], blank: string[]): string[][] {
  const withPhase = runs.filter((r) => r.conversations);
  if (!withPhase.length) return [];
  const conv = (f: (c: ConversationsResult) => string) => cell((r) => (r.conversations && !r.conversations.error ? f(r.conversations) : r.conversations?.error ? "failed" : "–"));
  const first = withPhase.find((r) => !r.conversations!.error)?.conversations ?? withPhase[0]!.conversations!;
  const readTarget = (k: number) => {
    const figures = withPhase.map((r) => r.conversations!.reads[k]).filter((f) => f !== undefined);
    const verdict = figures.length ? `: ${pass(figures.every((f) => f.ms.p95 <= CONVERSATION_TARGETS.inboxReadP95Ms))}` : "";
    return `≤ ${CONVERSATION_TARGETS.inboxReadP95Ms} ms${verdict}`;
  };
  const sqlite = runs.find((r) => r.dialect === "sqlite")?.conversations?.widget;
  const widgetTarget = `≤ ${CONVERSATION_TARGETS.widgetToSendP95Ms} ms (SQLite)${sqlite ? `: ${pass(sqlite.toSendMs.p95 <= CONVERSATION_TARGETS.widgetToSendP95Ms && sqlite.unsent === 0 && !sqlite.stoppedEarly)}` : ""}`;
  const widget = (f: (w: NonNullable<ConversationsResult["widget"]>) => string) => conv((c) => (c.widget ? f(c.widget) : "–"));
  const rate = withPhase.find((r) => r.conversations!.widget)?.conversations!.widget!.rate;
  return [
    [`7  inbox: ${fmtInt(first.conversations)} conversations, messages out + in`, ...conv((c) => `${fmtInt(c.messages)} + ${fmtInt(c.inbound)}`), ""],
    ...first.reads.map((read, k) => [`   ${read.label}, p50 / p95 (ms)`, ...conv((c) => (c.reads[k] ? `${fmtMs(c.reads[k]!.ms.p50)} / ${fmtMs(c.reads[k]!.ms.p95)}` : "–")), readTarget(k)]),
    ...(rate
      ? [
          [`   widget send → provider send() at ${fmtInt(rate)}/s, p50 / p95 / p99 (ms)`, ...widget((w) => `${fmtMs(w.toSendMs.p50)} / ${fmtMs(w.toSendMs.p95)} / ${fmtMs(w.toSendMs.p99)}`), widgetTarget],
          ["   of which after the answer arrived (queue + worker), p50 / p95 (ms)", ...widget((w) => `${fmtMs(w.answerToSendMs.p50)} / ${fmtMs(w.answerToSendMs.p95)}`), ""],
          ["   POST /api/v1/widget/send p50 / p95 (ms); accepted/s", ...widget((w) => `${fmtMs(w.requestMs.p50)} / ${fmtMs(w.requestMs.p95)}; ${fmtInt(w.acceptedPerSecond)}${w.stoppedEarly ? " (fell behind)" : ""}`), ""],
          ["   sent / accepted; rejected", ...widget((w) => `${fmtInt(w.accepted - w.unsent)} / ${fmtInt(w.accepted)}; ${fmtInt(w.rejected)}`), ""],
          ["   server CPU per widget send, API + worker (ms)", ...widget((w) => fmtMs(w.serverCpuMsPerSend)), ""],
        ]
      : []),
    ["   peak RSS, server process (MB)", ...conv((c) => (c.serverPeakRssKb ? fmtInt(mb(c.serverPeakRssKb)) : "–")), ""],
    blank,
  ];
}
