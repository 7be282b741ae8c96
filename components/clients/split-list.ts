// Lists typed into one text field (agent ids, phone numbers, custom variables).

/** "a, b,, c" → ["a", "b", "c"]; also splits on new lines, for lists typed one per line. */
export function splitList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
