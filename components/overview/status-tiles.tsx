"use client";

// Messages by status and by channel, as coloured tiles that open the matching list.
import Link from "next/link";
import type { QueueStats } from "@/lib/realtime/contract";
import { MESSAGE_STATUSES } from "@/components/api/message-statuses";
import { messagesHref, type MessageTab } from "@/components/messages/message-filter";
import { channelLabel, statusLabel } from "@/components/ui/labels";
import { SectionTitle } from "./panel";
import { CHANNEL_TILE_CLASSES, STATUS_TILE_CLASSES, TILE_BASE } from "./tile-colors";

// Each tile counts messages by their status now, and says so; a tile's count is the count of the
// list it opens (Sent is the Sent tab: sent, delivered and read).
const TILES: { key: string; label: string; tab: MessageTab; counts: string; statuses: readonly string[] }[] = [
  { key: "pending", label: "Pending", tab: "pending", counts: "waiting or due now", statuses: ["pending"] },
  { key: "sent", label: "Sent", tab: "sent", counts: "incl. delivered and read", statuses: ["sent", "delivered", "read"] },
  { key: "delivered", label: "Delivered", tab: "all", counts: "delivery confirmed", statuses: ["delivered"] },
  { key: "failed", label: "Failed", tab: "failed", counts: "waiting for a retry", statuses: ["failed"] },
  { key: "dead_letter", label: "Dead letter", tab: "dead_letter", counts: "no attempt left", statuses: ["dead_letter"] },
  { key: "scheduled", label: "Scheduled", tab: "scheduled", counts: "pending, due later", statuses: [] },
];

export function StatusTiles({ stats, clientId }: { stats: QueueStats; clientId?: string }) {
  const count = (tile: (typeof TILES)[number]) => (tile.key === "scheduled" ? stats.scheduled : tile.statuses.reduce((n, s) => n + (stats.byStatus[s] ?? 0), 0));
  // Statuses no tile counts (processing, cancelled) get a line under them.
  const others = MESSAGE_STATUSES.filter((s) => !TILES.some((t) => t.statuses.includes(s)) && stats.byStatus[s]);
  return (
    <div className="space-y-4">
      <section aria-labelledby="by-status">
        <SectionTitle id="by-status">Messages by status</SectionTitle>
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          {TILES.map((tile) => {
            const { key, label, tab, counts } = tile;
            return (
            <Link key={key} href={messagesHref({ tab, clientId })} data-testid="status-tile" data-status={key} className={`${TILE_BASE} ${STATUS_TILE_CLASSES[key]}`}>
              <span className="block text-xs font-medium uppercase tracking-wide opacity-80">{label}</span>
              <span data-testid="tile-value" className="mt-1 block text-2xl font-semibold tabular-nums">
                {count(tile).toLocaleString()}
              </span>
              <span data-testid="tile-counts" className="mt-0.5 block text-[11px] leading-tight opacity-75">
                {counts}
              </span>
            </Link>
            );
          })}
        </div>
        {others.length > 0 && (
          <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
            Also {others.map((s) => `${stats.byStatus[s]!.toLocaleString()} ${statusLabel(s).toLowerCase()}`).join(" · ")}
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
