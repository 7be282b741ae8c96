import type { Metadata } from "next";
import { AuditView } from "@/components/audit/audit-view";

export const metadata: Metadata = { title: "Audit" };

type SearchParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (typeof v === "string" && v.trim() ? v.trim() : undefined);

// GET /audit?actor=&action=&clientId=&since=
export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const p = await searchParams;
  const since = first(p.since);
  return <AuditView filter={{ actor: first(p.actor), action: first(p.action), clientId: first(p.clientId), since: since && /^\d{4}-\d{2}-\d{2}$/.test(since) ? since : undefined }} />;
}
