"use client";

// The Inbox's filters: client (only when the console sees more than one), channel, unread only
// and a search; all in the URL, like every console list. Changing one goes back to the list.
import { useRouter } from "next/navigation";
import { useClients } from "@/components/api/use-clients";
import { ClientFilter } from "@/components/ui/client-filter";
import { FilterBar, FilterSelect, FILTER_INPUT, SearchField } from "@/components/ui/filter-bar";
import { channelLabel } from "@/components/ui/labels";
import { INBOX_CHANNELS, inboxHref, type InboxFilter } from "./inbox-filter";

export function InboxFilterBar({ filter }: { filter: InboxFilter }) {
  const router = useRouter();
  const { clients } = useClients();
  const go = (patch: Partial<InboxFilter>) => router.push(inboxHref({ ...filter, ...patch }));
  // One client: nothing to choose. A scope from the URL stays visible (and clearable) regardless.
  const showClient = clients.length !== 1 || !!filter.clientId;
  return (
    <FilterBar className="sm:w-auto">
      {showClient && <ClientFilter clientId={filter.clientId} hrefFor={(clientId) => inboxHref({ ...filter, clientId })} id="inbox-client" />}
      <FilterSelect
        id="inbox-channel"
        label="Channel"
        value={filter.channel}
        onChange={(channel) => go({ channel: channel as InboxFilter["channel"] })}
        options={[["", "All channels"], ...INBOX_CHANNELS.map((c): [string, string] => [c, channelLabel(c)])]}
      />
      <label htmlFor="inbox-unread" className={`${FILTER_INPUT} inline-flex cursor-pointer items-center gap-1.5`}>
        <input id="inbox-unread" type="checkbox" checked={!!filter.unread} onChange={(e) => go({ unread: e.target.checked || undefined })} className="accent-indigo-600" />
        Unread only
      </label>
      <SearchField key={filter.q ?? ""} id="inbox-search" label="Search conversations" value={filter.q} placeholder="Name, number or text" onSubmit={(q) => go({ q })} className="w-full sm:w-64" />
    </FilterBar>
  );
}
