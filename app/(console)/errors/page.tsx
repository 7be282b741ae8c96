import type { Metadata } from "next";
import { ErrorsView } from "@/components/errors/errors-view";
import { parseErrorFilter } from "@/components/errors/error-filter";

export const metadata: Metadata = { title: "Errors" };

// GET /errors?since=&severity=&service=&type=&resolved=&q=&sort=&clientId=
export default async function ErrorsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filter = parseErrorFilter(await searchParams);
  return <ErrorsView filter={filter} />;
}
