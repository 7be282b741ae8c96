"use client";

// Client, channel, text search, days and customer; on the lists (not the schedule) also the
// provider and error class. On the schedule the days are those of the real send time. All live in the URL so a filtered view can be shared or reloaded.
import { useRouter } from "next/navigation";
import { ClientFilter } from "@/components/ui/client-filter";
import { CHANNELS } from "@/components/api/message-statuses";
import { ERROR_CLASSES } from "@/lib/domain/words";
import { channelLabel, ERROR_CLASS_LABELS } from "@/components/ui/labels";
import { FilterBar, FilterChip, FilterDate, FilterSelect, SearchField } from "@/components/ui/filter-bar";
import { useHealth } from "@/components/overview/use-health";
import { messagesHref, tabFilters, type MessageFilter } from "./message-filter";

/** The providers Herald runs (from /api/health), keeping the current one when health does not list it. */
function useProviderOptions(current: string | undefined): [string, string][] {
  const names = new Set(Object.keys(useHealth().data?.providers ?? {}));
  if (current) names.add(current);
  return [["", "All providers"], ...[...names].sort().map((n): [string, string] => [n, n])];
}

export function MessageFilterBar({ filter }: { filter: MessageFilter }) {
  const router = useRouter();
  const go = (patch: Partial<MessageFilter>) => router.push(messagesHref({ ...filter, ...patch }));
  const providers = useProviderOptions(filter.provider);
  const lists = filter.tab !== "scheduled";
  const anyExtra = tabFilters(filter.tab).some((key) => filter[key]);

  return (
    <div className="space-y-2">
      <FilterBar>
        <ClientFilter clientId={filter.clientId} hrefFor={(clientId) => messagesHref({ ...filter, clientId })} />
        <FilterSelect
          id="message-channel"
          label="Channel"
          value={filter.channel}
          onChange={(channel) => go({ channel })}
          options={[["", "All channels"], ...CHANNELS.map((c): [string, string] => [c, channelLabel(c)])]}
        />
        <SearchField key={filter.q ?? ""} id="message-search" label="Search" value={filter.q} placeholder="Search id, recipient or text" onSubmit={(q) => go({ q })} className="w-full sm:w-80" />
      </FilterBar>
      <FilterBar>
        {/* On the Scheduled tab the days are those the messages will really go. */}
        <FilterDate id="message-from" label={lists ? "From" : "Goes from"} value={filter.from} max={filter.until} onChange={(from) => go({ from })} />
        <FilterDate id="message-until" label="to" value={filter.until} min={filter.from} onChange={(until) => go({ until })} />
        {lists && <FilterSelect id="message-provider" label="Provider" value={filter.provider} onChange={(provider) => go({ provider })} options={providers} />}
        {lists && (
          <FilterSelect
            id="message-error-class"
            label="Error class"
            value={filter.errorClass}
            onChange={(v) => go({ errorClass: v as MessageFilter["errorClass"] })}
            options={[["", "Any error"], ...ERROR_CLASSES.map((c): [string, string] => [c, ERROR_CLASS_LABELS[c] ?? c])]}
          />
        )}
        <SearchField key={filter.customer ?? ""} id="message-customer" label="Customer" value={filter.customer} placeholder="Customer name, phone or email" onSubmit={(customer) => go({ customer })} button={null} className="w-full sm:w-60" />
        {anyExtra && <FilterChip href={messagesHref({ ...filter, from: undefined, until: undefined, provider: undefined, errorClass: undefined, customer: undefined })}>clear these filters</FilterChip>}
      </FilterBar>
    </div>
  );
}
