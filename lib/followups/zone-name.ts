// A zone's abbreviation at an instant ("EDT", "GMT+9"), exactly as luxon's ZZZZ token gives
// it, from one Intl.DateTimeFormat kept per zone and locale: luxon builds a new formatter
// for that token on every call, which costs ~0.1 ms each time.
const formats = new Map<string, Intl.DateTimeFormat>();

export function zoneName(at: Date, zone: string, locale: string): string {
  const key = `${zone}\u0000${locale}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", timeZone: zone, timeZoneName: "short" });
    if (formats.size > 1000) formats.clear();
    formats.set(key, format);
  }
  return format.formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? zone;
}
