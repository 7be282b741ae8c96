"use client";

// Client, channel and text search; all live in the URL so a filtered view can be shared or reloaded.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ClientFilter, FILTER_INPUT } from "@/components/ui/client-filter";
import { CHANNELS } from "@/components/api/message-statuses";
import { channelLabel } from "@/components/ui/labels";
import { messagesHref, type MessageFilter } from "./message-filter";

export function MessageFilterBar({ filter }: { filter: MessageFilter }) {
  const router = useRouter();
  const [q, setQ] = useState(filter.q ?? "");

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    router.push(messagesHref({ ...filter, q: q.trim() || undefined }));
  };

  return (
    <form role="search" onSubmit={onSubmit} className="flex w-full flex-wrap items-center gap-2 lg:w-auto">
      <ClientFilter clientId={filter.clientId} hrefFor={(clientId) => messagesHref({ ...filter, clientId })} />
      <label className="sr-only" htmlFor="message-channel">
        Channel
      </label>
      <select
        id="message-channel"
        value={filter.channel ?? ""}
        onChange={(e) => router.push(messagesHref({ ...filter, channel: e.target.value || undefined }))}
        className={FILTER_INPUT}
      >
        <option value="">All channels</option>
        {CHANNELS.map((c) => (
          <option key={c} value={c}>
            {channelLabel(c)}
          </option>
        ))}
      </select>
      <div className="flex w-full gap-2 sm:w-auto">
        <label className="sr-only" htmlFor="message-search">
          Search
        </label>
        <input
          id="message-search"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="Search id, recipient or text"
          className={`${FILTER_INPUT} min-w-0 flex-1 sm:w-56 sm:flex-none`}
        />
        <button
          type="submit"
          className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 dark:bg-slate-200 dark:text-slate-900 dark:hover:bg-white"
        >
          Search
        </button>
      </div>
    </form>
  );
}
