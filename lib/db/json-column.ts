// JSON columns (stored as text on both databases) are read through a zod schema, so a
// malformed or outdated value becomes the column's fallback instead of a wrong type.
import type { ZodType } from "zod";

export function jsonColumn<T>(schema: ZodType<T>, fallback: T) {
  return (text: string | null | undefined): T => {
    if (!text) return fallback;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return fallback;
    }
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : fallback;
  };
}
