"use client";

// Messages by status and by channel, as coloured tiles that open the matching list.
import Link from "next/link";
import type { QueueStats } from "@/lib/realtime/contract";
import { MESSAGE_STATUSES } from "@/components/api/message-statuses";
import { messagesHref, type MessageTab } from "@/components/messages/message-filter";
import { channelLabel } from "@/components/ui/labels";
import { SectionTitle } from "./panel";
import { CHANNEL_TILE_CLASSES, STATUS_TILE_CLASSES, TILE_BASE } from "./tile-colors";

const TILES: { key: string; label: string; tab: MessageTab }[] = [
  { key: "pending", label: "Pending", tab: "pending" },
  { key: "sent", label: "Sent", tab: "sent" },
  { key: "delivered", label: "Delivered", tab: "all" },
  { key: "failed", label: "Failed", tab: "failed" },
  { key: "dead_letter", label: "Dead letter", tab: "dead_letter" },
  { key: "scheduled", label: "Scheduled", tab: "scheduled" },
];

export function StatusTiles({ stats, clientId }: { stats: QueueStats; clientId?: string }) {
  const count = (key: string) => (key === "scheduled" ? stats.scheduled : (stats.byStatus[key] ?? 0));
  // Statuses without a tile of their own (processing, read, cancelled) get a line under them.
  const others = MESSAGE_STATUSES.filter((s) => !TILES.some((t) => t.key === s) && stats.byStatus[s]);
  return (
    <div className="space-y-4">
      <section aria-labelledby="by-status">
        <SectionTitle id="by-status">Messages by status</SectionTitle>
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          {TILES.map(({ key, label, tab }) => (
            <Link key={key} href={messagesHref({ tab, clientId })} data-testid="status-tile" data-status={key} className={`${TILE_BASE} ${STATUS_TILE_CLASSES[key]}`}>
              <span className="block text-xs font-medium uppercase tracking-wide opacity-80">{label}</span>
              <span data-testid="tile-value" className="mt-1 block text-2xl font-semibold tabular-nums">
                {count(key).toLocaleString()}
              </span>
            </Link>
          ))}
        </div>
        {others.length > 0 && (
          <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
            Also {others.map((s) => `${stats.byStatus[s]!.toLocaleString()} ${s}`).join(" · ")}
          </p>
        )}
      </section>
      <section aria-labelledby="by-channel">
        <SectionTitle id="by-channel">By channel</SectionTitle>
        <div className="grid grid-cols-3 gap-3">
          {Object.keys(CHANNEL_TILE_CLASSES).map((channel) => (
            <Link
              key={channel}
              href={messagesHref({ tab: "all", clientId, channel })}
              data-testid="channel-tile"
              data-channel={channel}
              className={`${TILE_BASE} ${CHANNEL_TILE_CLASSES[channel]}`}
            >
              <span className="block text-xs font-medium uppercase tracking-wide opacity-80">{channelLabel(channel)}</span>
              <span className="mt-1 block text-xl font-semibold tabular-nums">{(stats.byChannel[channel] ?? 0).toLocaleString()}</span>
            </Link>
          ))}
        </div>
      </section>
    </div>
  );
}
