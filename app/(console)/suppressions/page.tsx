import type { Metadata } from "next";
import { SuppressionsView } from "@/components/suppressions/suppressions-view";

export const metadata: Metadata = { title: "Suppressions" };

// GET /suppressions?clientId=
export default async function SuppressionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { clientId } = await searchParams;
  return <SuppressionsView clientId={typeof clientId === "string" && clientId ? clientId : undefined} />;
}
