"use client";

// The team (GET /api/users: users and pending invites), one query for the Users page, and
// the mutation every change on that page goes through: it refreshes the list afterwards.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/api-client";
import type { UserPatch } from "@/lib/users/schemas";
import type { ApiUser, UsersList } from "./types";

export const USERS_QUERY_KEY = ["users"] as const;

export function useUsers({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: USERS_QUERY_KEY, queryFn: () => fetchJson<UsersList>("/api/users"), enabled, retry: false });
}

/** A change to someone on the team; the list is read again whether it worked or not (someone else may have changed it). */
export function useUsersMutation<T, V = void>(send: (vars: V) => Promise<T>, onSuccess?: (answer: T) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: USERS_QUERY_KEY }),
  });
}

/** PATCH /api/users/:id: a role, a client, a name, or active (deactivating also ends their sessions). */
export function patchUser(id: string, patch: UserPatch) {
  return fetchJson<{ user: ApiUser }>(`/api/users/${encodeURIComponent(id)}`, { method: "PATCH", json: patch });
}
