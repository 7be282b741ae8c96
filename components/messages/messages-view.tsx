"use client";

// The messages page: attention banner, header with Compose, filters, tabs with live counts, the
// live activity feed, bulk retry and the list (or the schedule) for the current tab.
import { useCallback, useMemo, useState } from "react";
import { useClientNames } from "@/components/api/use-clients";
import { useQueueStats } from "@/components/live/use-queue-stats";
import { ComposeButton } from "@/components/compose/compose-dialog";
import { useMe } from "@/components/auth/use-me";
import { ActivityFeed } from "./activity-feed";
import { AttentionBanner } from "./attention-banner";
import { BulkRetryBar } from "./bulk-retry-bar";
import { MessageNotice, NoticeProvider, type Notice } from "./message-notice";
import { MessageFilterBar } from "./message-filter-bar";
import { MessageListBody } from "./message-list-body";
import { MessageTabs } from "./message-tabs";
import { isRetryable } from "@/components/api/message-statuses";
import type { MessageFilter } from "./message-filter";
import { ScheduleWindowPicker } from "./schedule-window-picker";
import { ExportButton } from "./export-button";
import { useBulkRetry } from "./use-bulk-retry";
import { useRecipientCheck } from "./use-recipient-check";
import { useLiveMessageUpdates } from "./use-live-message-updates";
import { useMessageList } from "./use-message-list";
import { PageHeader } from "@/components/ui/page-header";

const WINDOW_TEXT: Record<number, string> = { 24: "24 hours", 48: "48 hours", 168: "7 days" };

export function MessagesView({ filter }: { filter: MessageFilter }) {
  const canSend = useMe().can("send"); // a viewer has nothing to compose
  const list = useMessageList(filter);
  useLiveMessageUpdates(filter);
  const { data: stats } = useQueueStats(filter.clientId);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<Notice | null>(null);
  const bulk = useBulkRetry();
  const recipients = useRecipientCheck();

  const messages = useMemo(() => list.data?.pages.flatMap((p) => p.messages) ?? [], [list.data]);
  const clientIds = useMemo(() => [...new Set(messages.map((m) => m.clientId))], [messages]);
  const clientNames = useClientNames(clientIds);
  // Only what is still shown and still retryable counts as selected.
  const selection = useMemo(() => messages.filter((m) => selected.has(m.id) && isRetryable(m.status)).map((m) => m.id), [messages, selected]);

  const onSelect = useCallback((id: string, on: boolean) => {
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const onSelectAll = useCallback((ids: string[], on: boolean) => setSelected(on ? new Set(ids) : new Set()), []);
  const retry = (ids: string[]) => {
    setSelected(new Set());
    recipients.clear();
    void bulk.start(ids);
  };
  // Messages that failed because of the recipient will most likely fail again: ask first.
  const retrySelected = async () => {
    const ids = selection;
    const blamed = await recipients.run(ids);
    if (blamed.size === 0) retry(ids);
  };

  const scheduled = filter.tab === "scheduled";
  const windowTotal = scheduled ? list.data?.pages[0]?.total : undefined;

  return (
    <NoticeProvider value={setNotice}>
      <div className="space-y-4">
        <AttentionBanner stats={stats} filter={filter} />
        <PageHeader
          title="Messages"
          description={
            scheduled
              ? filter.from || filter.until
                ? "Pending messages going on the days chosen, by when they will really go (quiet hours and business hours included)."
                : `Pending messages going in the next ${WINDOW_TEXT[filter.hours ?? 24]}, by when they will really go (quiet hours and business hours included).`
              : "Newest first. Rows change as the queue works; click a row for its attempts and history."
          }
          actions={
            <div className="flex flex-wrap items-center justify-end gap-2">
              {!scheduled && <ExportButton key={JSON.stringify(filter)} filter={filter} />}
              {canSend && <ComposeButton defaultClientId={filter.clientId} onSent={(message) => setNotice({ message })} />}
            </div>
          }
        />
        <MessageFilterBar key={`${filter.q ?? ""}|${filter.channel ?? ""}|${filter.clientId ?? ""}`} filter={filter} />
        <MessageTabs filter={filter} stats={stats} />
        {scheduled && (
          <div className="flex flex-wrap items-center gap-3">
            <ScheduleWindowPicker filter={filter} />
            <span data-testid="schedule-total" className="text-sm text-slate-500 dark:text-slate-400">
              {windowTotal === undefined
                ? "\u00a0"
                : `${windowTotal} in this window${stats && stats.scheduled !== windowTotal ? ` · ${stats.scheduled} scheduled in all` : ""}`}
            </span>
          </div>
        )}
        <ActivityFeed filter={filter} clientNames={clientNames} />
        {notice && <MessageNotice notice={notice} filter={filter} onDismiss={() => setNotice(null)} />}
        <BulkRetryBar
          count={selection.length}
          progress={bulk.progress}
          check={recipients.check}
          onRetry={() => void retrySelected()}
          onRetryIds={retry}
          onKeep={recipients.clear}
          onClear={() => (setSelected(new Set()), recipients.clear())}
          onDismiss={bulk.dismiss}
        />
        <MessageListBody list={list} messages={messages} filter={filter} clientNames={clientNames} selected={selected} onSelect={onSelect} onSelectAll={onSelectAll} />
      </div>
    </NoticeProvider>
  );
}
