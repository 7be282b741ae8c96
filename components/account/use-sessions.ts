"use client";

// The signed-in user's own sessions (GET /api/auth/sessions): one per browser they signed in
// from, `current` for this one. Signing one out, or all the others, reads the list again.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/api-client";

/** Written from the users API contract while the server's serializer is built alongside. */
export interface ApiSession {
  id: string;
  createdAt: string;
  lastSeenAt: string | null;
  expiresAt: string;
  address: string | null;
  userAgent: string | null;
  current: boolean;
}

export const SESSIONS_QUERY_KEY = ["auth", "sessions"] as const;

export function useSessions() {
  return useQuery({ queryKey: SESSIONS_QUERY_KEY, queryFn: () => fetchJson<{ sessions: ApiSession[] }>("/api/auth/sessions"), select: (d) => d.sessions });
}

/** DELETE /api/auth/sessions/:id, or with no id every session but this one ({revoked}). */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string | null) =>
      id
        ? fetchJson<{ ok: true }>(`/api/auth/sessions/${encodeURIComponent(id)}`, { method: "DELETE" }).then(() => ({ revoked: 1 }))
        : fetchJson<{ revoked: number }>("/api/auth/sessions", { method: "DELETE" }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: SESSIONS_QUERY_KEY }),
  });
}
