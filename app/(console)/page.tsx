import type { Metadata } from "next";
import { OverviewView } from "@/components/overview/overview-view";

export const metadata: Metadata = { title: "Overview" };

type SearchParams = Record<string, string | string[] | undefined>;

// GET /?clientId= – the overview, for every client or one
export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { clientId } = await searchParams;
  const id = (Array.isArray(clientId) ? clientId[0] : clientId)?.trim() || undefined;
  return <OverviewView clientId={id} />;
}
