// A moment shown in a given IANA zone ("Tue 14 May, 09:00 EDT"); the viewer's zone when none is given.

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone?: string): Intl.DateTimeFormat {
  const key = timeZone ?? "";
  let f = cache.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(undefined, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZoneName: "short", timeZone });
    } catch {
      // An unknown zone name: say so rather than show the viewer's time under the client's label.
      f = new Intl.DateTimeFormat(undefined, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZoneName: "short", timeZone: "UTC" });
    }
    cache.set(key, f);
  }
  return f;
}

export function formatInZone(iso: string, timeZone?: string): string {
  return formatter(timeZone).format(new Date(iso));
}

export const VIEWER_ZONE = typeof Intl !== "undefined" ? Intl.DateTimeFormat().resolvedOptions().timeZone : "UTC";
