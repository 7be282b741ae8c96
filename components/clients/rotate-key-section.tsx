"use client";

// Replace the client's API key. Asks first: the current key stops working at once.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { fetchJson } from "@/components/api/api-client";
import type { ApiClient, ClientWithKey } from "@/components/api/types";
import { ApiKeyReveal } from "./api-key-reveal";
import { SECONDARY_BUTTON } from "@/components/ui/field";
import { SectionCard } from "./section-card";
import { CLIENTS_QUERY_KEY, clientQueryKey } from "@/components/api/use-clients";
import { missingPermission, useMe } from "@/components/auth/use-me";

const DANGER = "rounded-md bg-red-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-red-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-red-500 focus-visible:ring-offset-2 disabled:opacity-50 dark:focus-visible:ring-offset-slate-900";

export function RotateKeySection({ client }: { client: ApiClient }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const denied = !useMe().can("rotate_keys");
  const [issued, setIssued] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: () => fetchJson<ClientWithKey>(`/api/clients/${encodeURIComponent(client.id)}/rotate-key`, { method: "POST", json: {} }),
    onSuccess: ({ client: updated, apiKey }) => {
      setIssued(apiKey);
      setConfirming(false);
      queryClient.setQueryData(clientQueryKey(client.id), { client: updated });
      void queryClient.invalidateQueries({ queryKey: CLIENTS_QUERY_KEY });
    },
  });

  return (
    <SectionCard id="api-key" title="API key" description="The client's own key sees and sends only this client's messages.">
      <div className="space-y-3">
        <p className="text-sm">
          Current key: <span className="font-mono">{client.apiKeyPrefix ? `${client.apiKeyPrefix}…` : "none"}</span>
        </p>
        {issued ? (
          <ApiKeyReveal apiKey={issued} title="New API key" onDone={() => setIssued(null)} />
        ) : confirming ? (
          <div role="alertdialog" aria-labelledby="rotate-title" aria-describedby="rotate-text" className="rounded-md border border-red-200 bg-red-50 p-3 dark:border-red-900 dark:bg-red-950/50">
            <p id="rotate-title" className="font-medium text-red-900 dark:text-red-100">
              Rotate the API key of {client.name}?
            </p>
            <p id="rotate-text" className="mt-1 text-sm text-red-900 dark:text-red-200">
              The current key stops working immediately. Whatever uses it (the voice agent, the booking system) must be given the new one.
            </p>
            <div className="mt-3 flex gap-2">
              <button type="button" onClick={() => mutation.mutate()} disabled={mutation.isPending} className={DANGER} autoFocus>
                {mutation.isPending ? "Rotating…" : "Rotate key"}
              </button>
              <button type="button" onClick={() => setConfirming(false)} className={SECONDARY_BUTTON}>
                Cancel
              </button>
            </div>
            {mutation.error && (
              <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
                Could not rotate the key: {mutation.error.message}
              </p>
            )}
          </div>
        ) : (
          <button type="button" onClick={() => setConfirming(true)} disabled={denied} title={denied ? missingPermission("rotate_keys") : undefined} className={SECONDARY_BUTTON}>
            Rotate API key…
          </button>
        )}
      </div>
    </SectionCard>
  );
}
