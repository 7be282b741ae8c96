// A conversation's channel as a small coloured picture (its name for screen readers and on hover).
import { channelLabel } from "@/components/ui/labels";

const COLOURS: Record<string, string> = {
  sms: "bg-sky-100 text-sky-700 dark:bg-sky-950 dark:text-sky-300",
  whatsapp: "bg-green-100 text-green-700 dark:bg-green-950 dark:text-green-300",
  email: "bg-violet-100 text-violet-700 dark:bg-violet-950 dark:text-violet-300",
};

const PATHS: Record<string, string> = {
  // A speech bubble.
  sms: "M4 5h16v10H8l-4 4V5z",
  // A bubble with a handset's curve inside.
  whatsapp: "M12 3a9 9 0 0 0-7.8 13.5L3 21l4.6-1.2A9 9 0 1 0 12 3zm-3 5c.5 2.6 2.4 4.9 5 6l1.2-1.2 2 1-.6 1.8c-3.8.2-8.6-4.4-8.4-8.4L10 6.6l1 2L9 8z",
  // An envelope.
  email: "M3 6h18v12H3V6zm0 0 9 7 9-7",
};

export function ChannelIcon({ channel, size = "h-8 w-8" }: { channel: string; size?: string }) {
  return (
    <span
      data-testid="channel-icon"
      data-channel={channel}
      title={channelLabel(channel)}
      className={`inline-grid shrink-0 place-items-center rounded-full ${size} ${COLOURS[channel] ?? "bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300"}`}
    >
      <svg aria-hidden viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinejoin="round">
        <path d={PATHS[channel] ?? PATHS.sms} />
      </svg>
      <span className="sr-only">{channelLabel(channel)}</span>
    </span>
  );
}
