"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { CriticalBadge } from "@/components/errors/critical-badge";
import { UnreadTotalBadge } from "@/components/inbox/unread-total-badge";
import { useMe } from "@/components/auth/use-me";
import type { Action } from "@/lib/auth/permissions";

// `needs`: the permission a link's page is for; a role without it does not see the link.
const LINKS: readonly { href: string; label: string; prefetch: boolean; needs?: Action }[] = [
  { href: "/", label: "Overview", prefetch: true },
  { href: "/inbox", label: "Inbox", prefetch: true },
  { href: "/messages", label: "Messages", prefetch: true },
  { href: "/calls", label: "Calls", prefetch: true },
  { href: "/clients", label: "Clients", prefetch: true },
  { href: "/suppressions", label: "Suppressions", prefetch: true },
  { href: "/errors", label: "Errors", prefetch: true },
  { href: "/audit", label: "Audit", prefetch: false, needs: "view_audit" },
  { href: "/users", label: "Users", prefetch: false, needs: "manage_users" },
];

export function NavLinks() {
  const pathname = usePathname();
  const { me } = useMe();
  // The client filter follows the admin from page to page.
  const clientId = useSearchParams().get("clientId");
  const scoped = (href: string) => (clientId ? `${href}?clientId=${encodeURIComponent(clientId)}` : href);
  // Each link is `relative`: the critical badge's screen-reader text (absolutely placed) then stays
  // inside this scrolling strip instead of widening the page on a phone.
  return (
    <nav aria-label="Console" className="flex gap-1 overflow-x-auto">
      {LINKS.filter(({ needs }) => !needs || me?.permissions.includes(needs)).map(({ href, label, prefetch }) => {
        const active = href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link
            key={href}
            href={scoped(href)}
            prefetch={prefetch ? undefined : false}
            aria-current={active ? "page" : undefined}
            className={`relative inline-flex items-center whitespace-nowrap rounded-md px-2.5 py-1.5 text-sm font-medium transition sm:px-3 ${
              active
                ? "bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900"
                : "text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white"
            }`}
          >
            {label}
            {href === "/inbox" && <UnreadTotalBadge clientId={clientId ?? undefined} />}
            {href === "/errors" && <CriticalBadge />}
          </Link>
        );
      })}
    </nav>
  );
}
