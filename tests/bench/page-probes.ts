// What the console benchmark measures in and around the page: the server time of each request
// the page makes (Playwright's request timing), and in-page responsiveness (long tasks, the
// lateness of a 50 ms timer heartbeat, gaps between animation frames).
import type { Page, Request } from "@playwright/test";
import type { MessageTab } from "../../components/messages/message-filter";

export interface TimedRequest {
  /** Path and query, e.g. /api/messages?status=pending&limit=50. */
  url: string;
  /** Epoch ms when the request started. */
  startedAt: number;
  /** Request sent → first response byte: the server's time (loopback adds next to nothing). */
  serverMs: number;
}

/** Records every finished request of the page; `since(t)` lists those started at or after t. */
export function recordRequests(page: Page) {
  const seen: TimedRequest[] = [];
  page.on("requestfinished", (req: Request) => {
    const t = req.timing();
    const sent = t.requestStart >= 0 ? t.requestStart : 0;
    const u = new URL(req.url());
    seen.push({ url: u.pathname + u.search, startedAt: t.startTime, serverMs: t.responseStart - sent });
  });
  return { since: (t: number) => seen.filter((r) => r.startedAt >= t) };
}

/** The document and API requests a console view makes (not scripts, styles or the socket). */
export function isServerWork(r: TimedRequest): boolean {
  return r.url.startsWith("/api/") || r.url.startsWith("/messages");
}

export async function documentServerMs(page: Page): Promise<number> {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    return nav.responseStart - nav.requestStart;
  });
}

/** Whether `r` is the list request of `tab` (the Scheduled tab has its own endpoint). */
export function isListRequest(tab: MessageTab, r: TimedRequest, statuses: string | null): boolean {
  const u = new URL(r.url, "http://x");
  if (tab === "scheduled") return u.pathname === "/api/messages/scheduled";
  return u.pathname === "/api/messages" && u.searchParams.get("status") === statuses;
}

/**
 * Clicks a tab and returns the time, measured in the page, until its rows are on screen: the tab
 * is current and the first row is one the tab lists (any row for All, a schedule row for
 * Scheduled). A cached list counts as shown; its refetch is the caller's to wait for.
 */
export async function switchTab(page: Page, tab: MessageTab, statuses: string | null): Promise<number> {
  return page.evaluate(async ({ tab, statuses }) => {
    const link = document.querySelector<HTMLElement>(`[data-testid="message-tab"][data-tab="${tab}"]`)!;
    const shown = () => {
      if (link.getAttribute("aria-current") !== "page") return false;
      if (tab === "scheduled") return !!document.querySelector('[data-testid="scheduled-row"]');
      const badge = document.querySelector('[data-testid="message-row"] [data-testid="status-badge"]');
      return !!badge && (!statuses || statuses.split(",").includes(badge.textContent ?? ""));
    };
    const started = performance.now();
    link.click();
    await new Promise<void>((resolve, reject) => {
      const give = setTimeout(() => reject(new Error(`tab ${tab} did not show its rows within 30 s`)), 30_000);
      const check = () => (shown() ? (clearTimeout(give), resolve()) : requestAnimationFrame(check));
      check();
    });
    return performance.now() - started;
  }, { tab, statuses });
}

export interface Responsiveness {
  longTasksMs: number[];
  heartbeatLateMs: number[];
  frameGapsMs: number[];
}

export async function startResponsivenessProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const probe: { longTasksMs: number[]; heartbeatLateMs: number[]; frameGapsMs: number[]; stop: boolean } = { longTasksMs: [], heartbeatLateMs: [], frameGapsMs: [], stop: false };
    (window as unknown as { __probe: typeof probe }).__probe = probe;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => probe.longTasksMs.push(e.duration))).observe({ type: "longtask" });
    let expected = performance.now() + 50;
    const beat = () => {
      if (probe.stop) return;
      const now = performance.now();
      probe.heartbeatLateMs.push(Math.max(0, now - expected));
      expected = now + 50;
      setTimeout(beat, 50);
    };
    setTimeout(beat, 50);
    let last = performance.now();
    const frame = (t: number) => {
      if (probe.stop) return;
      probe.frameGapsMs.push(t - last);
      last = t;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

export async function stopResponsivenessProbe(page: Page): Promise<Responsiveness> {
  return page.evaluate(() => {
    const probe = (window as unknown as { __probe: Responsiveness & { stop: boolean } }).__probe;
    probe.stop = true;
    return { longTasksMs: probe.longTasksMs, heartbeatLateMs: probe.heartbeatLateMs, frameGapsMs: probe.frameGapsMs };
  });
}
