"use client";

// Who is signed in (GET /api/auth/me): their role, the one client they are limited to (null:
// every client) and the permissions of lib/auth/permissions.ts. The console hides or disables
// what they may not use; the server refuses it anyway, so this is only for a tidy screen.
import { useQuery } from "@tanstack/react-query";
import type { Action } from "@/lib/auth/permissions";
import { fetchJson } from "@/components/api/api-client";

export interface Me {
  user: { id: string; name: string; email: string; role: string } | null;
  role: string;
  clientId: string | null;
  permissions: Action[];
}

export const ME_QUERY_KEY = ["auth", "me"] as const;

/** `enabled: false` where no session is expected (the widget, on its token): nothing is asked, all counts as allowed. */
export function useMe({ enabled = true }: { enabled?: boolean } = {}) {
  const query = useQuery({ queryKey: ME_QUERY_KEY, queryFn: () => fetchJson<Me>("/api/auth/me"), staleTime: 60_000, retry: false, enabled });
  const me = query.data;
  return {
    ...query,
    me,
    /** The client a portal user is limited to; undefined for everyone else (and while loading). */
    ownClientId: me?.clientId ?? undefined,
    /**
     * Until /me answers, everything counts as allowed (the server still decides), so an
     * admin's buttons do not flicker; a portal user's are hidden a moment later.
     */
    can: (action: Action) => !me || me.permissions.includes(action),
  };
}

/** The tooltip on a button the role may not use. */
export function missingPermission(action: Action): string {
  return `Your role lacks the "${action}" permission`;
}
