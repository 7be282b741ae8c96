// How the console shortens ids: `msg_` + a time-ordered hex string, where the tail tells two
// apart. The messages search finds a message by this short form too (lib/queue/list.ts).
export function shortId(id: string): string {
  return id.length > 12 ? `…${id.slice(-8)}` : id;
}
