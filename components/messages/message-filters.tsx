"use client";

// Channel and text search; both live in the URL so a filtered view can be shared or reloaded.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { filterHref } from "./filter-href";
import { CHANNELS, type MessageFilter } from "./message-types";

const INPUT =
  "rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30 dark:border-slate-700 dark:bg-slate-900";

export function MessageFilters({ filter }: { filter: MessageFilter }) {
  const router = useRouter();
  const [q, setQ] = useState(filter.q ?? "");

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    router.push(filterHref({ ...filter, q: q.trim() || undefined }));
  };

  return (
    <form role="search" onSubmit={onSubmit} className="flex w-full flex-wrap items-center gap-2 sm:w-auto">
      <label className="sr-only" htmlFor="message-channel">
        Channel
      </label>
      <select
        id="message-channel"
        value={filter.channel ?? ""}
        onChange={(e) => router.push(filterHref({ ...filter, channel: e.target.value || undefined }))}
        className={INPUT}
      >
        <option value="">All channels</option>
        {CHANNELS.map((c) => (
          <option key={c} value={c}>
            {c === "sms" ? "SMS" : c === "whatsapp" ? "WhatsApp" : "Email"}
          </option>
        ))}
      </select>
      <label className="sr-only" htmlFor="message-search">
        Search
      </label>
      <input
        id="message-search"
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder="Search id, recipient or text"
        className={`${INPUT} min-w-0 flex-1 sm:w-64 sm:flex-none`}
      />
      <button
        type="submit"
        className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 dark:bg-slate-200 dark:text-slate-900 dark:hover:bg-white"
      >
        Search
      </button>
      {filter.clientId && (
        <Link
          href={filterHref({ ...filter, clientId: undefined })}
          className="inline-flex items-center gap-1 rounded-full bg-indigo-50 px-2.5 py-1 text-xs font-medium text-indigo-800 ring-1 ring-inset ring-indigo-200 hover:bg-indigo-100 dark:bg-indigo-950 dark:text-indigo-200 dark:ring-indigo-800"
          title="Show every client"
        >
          client {filter.clientId} <span aria-hidden>×</span>
        </Link>
      )}
    </form>
  );
}
