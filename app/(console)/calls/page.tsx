import type { Metadata } from "next";
import { CallsView } from "@/components/calls/calls-view";
import { parseCallStatus } from "@/components/calls/call-filter";

export const metadata: Metadata = { title: "Calls" };

type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v?.trim() ? v.trim() : undefined;
}

// GET /calls?status=ongoing|ended|analyzed&clientId=
export default async function CallsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  return <CallsView filter={{ clientId: first(params.clientId), status: parseCallStatus(first(params.status)) }} />;
}
