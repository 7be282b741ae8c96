// Query and body schemas of the /api/errors routes (API.md, "Calls, clients, errors").
import { z } from "zod";
import { SEVERITIES } from "./log-error";

/** `since` windows, in milliseconds. */
export const SINCE_MS = { "1h": 3_600_000, "6h": 21_600_000, "24h": 86_400_000, "7d": 604_800_000 } as const;
export type Since = keyof typeof SINCE_MS;
const sinceSchema = z.enum(Object.keys(SINCE_MS) as [Since, ...Since[]]);

const boolString = z.enum(["true", "false"]).transform((v) => v === "true");

// A time-sorted page continues after an id; a severity-sorted one after (severity rank, id).
const CURSOR = /^(?:[0-3]:)?err_[0-9a-f]+$/;

export const errorListQuerySchema = z.object({
  since: sinceSchema.optional(),
  service: z.string().trim().min(1).max(100).optional(),
  type: z.string().trim().min(1).max(100).optional(),
  severity: z.enum(SEVERITIES).optional(),
  resolved: boolString.optional(),
  q: z.string().trim().min(1).max(200).optional(),
  sort: z.enum(["time", "severity"]).default("time"),
  clientId: z.string().min(1).optional(),
  cursor: z.string().regex(CURSOR, "invalid cursor").optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ErrorListQuery = z.infer<typeof errorListQuerySchema>;

export const errorStatsQuerySchema = z.object({
  since: sinceSchema.optional(),
  clientId: z.string().min(1).optional(),
});
export type ErrorStatsQuery = z.infer<typeof errorStatsQuerySchema>;

/** `similar: true` resolves every open entry with the same fingerprint (one outage, one click). */
export const resolveBodySchema = z.object({ similar: z.boolean().optional() }).strict();
