import type { Metadata } from "next";
import { ClientEditor } from "@/components/clients/client-editor";

export const metadata: Metadata = { title: "Client" };

// GET /clients/:id
export default async function ClientPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ClientEditor clientId={id} />;
}
