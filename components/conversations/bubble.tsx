// One message of the thread: ours on the right (with ticks and, when it failed, Retry),
// the customer's on the left. A picture is shown as a picture; any other media as a link.
import { Ticks } from "./ticks";
import { isRetryable, type Bubble as BubbleData } from "./thread-status";

const time = new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit" });
const IMAGE = /\.(png|jpe?g|gif|webp|avif|svg)(\?|#|$)/i;

function Media({ url }: { url: string }) {
  if (IMAGE.test(url)) {
    return (
      <a href={url} target="_blank" rel="noreferrer noopener" className="mb-1 block">
        {/* eslint-disable-next-line @next/next/no-img-element -- any host's picture, not an optimised asset of ours */}
        <img data-testid="bubble-media" src={url} alt="Attached picture" loading="lazy" className="max-h-60 max-w-full rounded-lg object-cover" />
      </a>
    );
  }
  return (
    <a data-testid="bubble-media" href={url} target="_blank" rel="noreferrer noopener" className="mb-1 block break-all underline underline-offset-2">
      📎 {url.replace(/^https?:\/\//, "")}
    </a>
  );
}

export function Bubble({ bubble, onRetry, retrying }: { bubble: BubbleData; onRetry: (b: BubbleData) => void; retrying: boolean }) {
  const outbound = bubble.direction === "outbound";
  const failed = outbound && (bubble.sendError !== undefined || isRetryable(bubble.status));
  const text = bubble.text.trim();
  return (
    <li
      data-testid="bubble"
      data-direction={bubble.direction}
      data-status={bubble.status}
      data-message-id={bubble.localId ? undefined : bubble.id}
      className={`flex flex-col ${outbound ? "items-end" : "items-start"}`}
    >
      <div
        className={`max-w-[85%] rounded-2xl px-3 py-2 text-sm shadow-sm sm:max-w-[70%] ${
          outbound
            ? `rounded-br-md ring-1 ${failed ? "bg-red-50 text-red-950 ring-red-300 dark:bg-red-950/60 dark:text-red-100 dark:ring-red-800" : "bg-indigo-100 text-slate-900 ring-indigo-200 dark:bg-indigo-950 dark:text-slate-100 dark:ring-indigo-800"}`
            : "rounded-bl-md bg-white text-slate-900 ring-1 ring-slate-200 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-700"
        }`}
      >
        {(bubble.mediaUrls ?? (bubble.mediaUrl ? [bubble.mediaUrl] : [])).map((url) => <Media key={url} url={url} />)}
        {text && <p className="whitespace-pre-wrap break-words">{text}</p>}
        <div className="mt-0.5 flex items-center justify-end gap-1 text-[11px] text-slate-500 dark:text-slate-400">
          <time dateTime={bubble.timestamp}>{time.format(new Date(bubble.timestamp))}</time>
          {outbound && <Ticks status={bubble.status} />}
        </div>
      </div>
      {failed && (
        <div className="mt-1 flex items-center gap-2 text-xs text-red-700 dark:text-red-300">
          <span>{bubble.sendError ?? "Not delivered"}</span>
          <button
            type="button"
            data-testid="retry"
            disabled={retrying}
            onClick={() => onRetry(bubble)}
            className="rounded-md bg-red-600 px-2 py-0.5 font-medium text-white hover:bg-red-700 disabled:opacity-50"
          >
            Retry
          </button>
        </div>
      )}
    </li>
  );
}
