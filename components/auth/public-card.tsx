// The frame of the pages a visitor sees without a session (sign in, accept an invite): the
// Herald mark above one centred card, no console navigation.
import type { ReactNode } from "react";

export function PublicCard({ title, description, children, testId }: { title: string; description?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-center gap-2">
          <span aria-hidden className="grid h-9 w-9 place-items-center rounded-lg bg-indigo-600 text-lg font-bold text-white">
            H
          </span>
          <span className="text-2xl font-semibold tracking-tight">Herald</span>
        </div>
        <div data-testid={testId} className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <h1 className="text-lg font-semibold">{title}</h1>
          {description && <p className="mb-5 mt-1 text-sm text-slate-500 dark:text-slate-400">{description}</p>}
          {children}
        </div>
      </div>
    </main>
  );
}
