import type { Metadata } from "next";
import { ClientsView } from "@/components/clients/clients-view";

export const metadata: Metadata = { title: "Clients" };

// GET /clients?clientId= (one client only, as every console page scopes)
export default async function ClientsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { clientId } = await searchParams;
  const id = (Array.isArray(clientId) ? clientId[0] : clientId)?.trim();
  return <ClientsView clientId={id || undefined} />;
}
