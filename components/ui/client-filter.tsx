"use client";

// Scopes a console page to one client through `?clientId=` in its URL, so the scope survives a
// reload and can be shared. Without the client list it still shows (and can clear) the scope.
// A portal user (one client's) has no choice to make: the server scopes every list for them.
import { useRouter } from "next/navigation";
import { useClients } from "@/components/api/use-clients";
import { useMe } from "@/components/auth/use-me";

/** The look of a filter bar's selects and search box (messages, overview, errors). */
export const FILTER_INPUT =
  "rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30 dark:border-slate-700 dark:bg-slate-900";

export function ClientFilter({ clientId, hrefFor, id = "client-filter" }: { clientId?: string; hrefFor: (clientId?: string) => string; id?: string }) {
  const router = useRouter();
  const { clients, byId } = useClients();
  const { isPending, ownClientId } = useMe();
  if (isPending || ownClientId) return null;
  return (
    <>
      <label className="sr-only" htmlFor={id}>
        Client
      </label>
      <select
        id={id}
        data-testid="client-filter"
        value={clientId ?? ""}
        onChange={(e) => router.push(hrefFor(e.target.value || undefined))}
        className={`${FILTER_INPUT} max-w-48`}
      >
        <option value="">All clients</option>
        {clientId && !byId.has(clientId) && <option value={clientId}>client {clientId}</option>}
        {clients.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </>
  );
}
