import Link from "next/link";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Page not found" };

// Any path Herald does not know: the brand, what happened, and the ways back.
export default function NotFound() {
  return (
    <main className="grid min-h-screen place-items-center bg-slate-50 px-4 dark:bg-slate-950">
      <div data-testid="not-found" className="w-full max-w-md space-y-4 rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <span aria-hidden className="mx-auto grid h-10 w-10 place-items-center rounded-lg bg-indigo-600 text-lg font-bold text-white">
          H
        </span>
        <p className="text-sm font-semibold uppercase tracking-wide text-indigo-700 dark:text-indigo-300">Herald · 404</p>
        <h1 className="text-xl font-semibold tracking-tight">This page does not exist</h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">The link may be old, or the message, call or client it pointed to has been removed.</p>
        <nav aria-label="Ways back" className="flex flex-wrap justify-center gap-2 text-sm">
          <Link href="/" className="rounded-md bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-500">
            Overview
          </Link>
          <Link href="/messages" className="rounded-md px-3 py-1.5 font-medium text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-100 dark:text-slate-200 dark:ring-slate-600 dark:hover:bg-slate-800">
            Messages
          </Link>
          <Link href="/calls" className="rounded-md px-3 py-1.5 font-medium text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-100 dark:text-slate-200 dark:ring-slate-600 dark:hover:bg-slate-800">
            Calls
          </Link>
        </nav>
      </div>
    </main>
  );
}
