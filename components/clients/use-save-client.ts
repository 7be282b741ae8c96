"use client";

// Saves one section of a client with PATCH /api/clients/:id. The browser checks the change
// with the API's own schema first (unless the section leaves that to the server); either
// way a refusal lands on the field it names.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { clientUpdateSchema, type ClientUpdate } from "@/lib/schemas/client";
import { ApiError, fetchJson } from "@/components/api/api-client";
import { detailsOf, errorsByPath, type FieldErrors } from "@/components/ui/field-errors";
import type { ApiClient } from "@/components/api/types";
import { CLIENTS_QUERY_KEY, clientQueryKey } from "@/components/api/use-clients";

export interface SaveState {
  saving: boolean;
  errors: FieldErrors;
  /** What went wrong as a whole (the server's message, or "fix the fields below"). */
  problem: string | null;
  savedAt: number | null;
}

export function useSaveClient(clientId: string) {
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const mutation = useMutation({
    mutationFn: (patch: unknown) => fetchJson<{ client: ApiClient }>(`/api/clients/${encodeURIComponent(clientId)}`, { method: "PATCH", json: patch }),
  });

  async function save(patch: ClientUpdate, opts: { validateInBrowser?: boolean } = {}): Promise<ApiClient | null> {
    setSavedAt(null);
    let body: unknown = patch;
    if (opts.validateInBrowser !== false) {
      const parsed = clientUpdateSchema.safeParse(patch);
      if (!parsed.success) {
        setErrors(errorsByPath(detailsOf(parsed.error)));
        setProblem("Some fields need fixing before this can be saved.");
        return null;
      }
      body = parsed.data;
    }
    try {
      const { client } = await mutation.mutateAsync(body);
      setErrors({});
      setProblem(null);
      setSavedAt(Date.now());
      queryClient.setQueryData(clientQueryKey(clientId), { client });
      void queryClient.invalidateQueries({ queryKey: CLIENTS_QUERY_KEY });
      return client;
    } catch (err) {
      const details = err instanceof ApiError ? err.details : [];
      setErrors(errorsByPath(details));
      // With details the messages sit at their fields; the summary only points there.
      setProblem(
        details.length > 0
          ? `Not saved: the server refused ${details.length === 1 ? "one field" : `${details.length} fields`}; see the marked ${details.length === 1 ? "field" : "fields"}.`
          : `Not saved: ${err instanceof Error ? err.message : String(err)}`,
      );
      return null;
    }
  }

  const state: SaveState = { saving: mutation.isPending, errors, problem, savedAt };
  return { save, state };
}
