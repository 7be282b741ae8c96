import Link from "next/link";
import type { ReactNode } from "react";
import { LiveIndicator } from "@/components/live/live-indicator";
import { SocketProvider } from "@/components/live/socket-provider";
import { LogoutButton } from "./logout-button";
import { Suspense } from "react";
import { NavLinks } from "./nav-links";
import { SignedInAs } from "./signed-in-as";

// Every console page shares one live connection; proxy.ts has already checked the session.
export default function ConsoleLayout({ children }: { children: ReactNode }) {
  return (
    <SocketProvider>
      <header className="sticky top-0 z-10 border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-950/90">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2.5">
          <Link href="/" className="flex items-center gap-2 text-base font-semibold tracking-tight">
            <span aria-hidden className="grid h-7 w-7 place-items-center rounded-md bg-indigo-600 text-sm font-bold text-white">
              H
            </span>
            Herald
          </Link>
          <div className="order-last w-full sm:order-none sm:w-auto sm:flex-1">
            <Suspense fallback={null}>
              <NavLinks />
            </Suspense>
          </div>
          <div className="ml-auto flex items-center gap-2 sm:ml-0">
            <LiveIndicator />
            <SignedInAs />
            <LogoutButton />
          </div>
        </div>
      </header>
      {/* --console-header: the header's height from `sm` up, where a table's sticky head sits below it. */}
      <main className="mx-auto max-w-7xl px-4 py-6 [--console-header:53px]">{children}</main>
    </SocketProvider>
  );
}
