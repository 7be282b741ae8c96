// Environment parsed once, with zod: the only reader of process.env.
// A bad value stops the start with a message naming the variable.
import { z } from "zod";
import { getContext } from "./context";

const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
const int = (def: number, min = 0) => z.coerce.number().int().min(min).default(def);
const chain = z
  .string()
  .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean))
  .optional();

// A CSP source that fits a frame-ancestors list; anything else (a quote, a semicolon) could rewrite the policy.
const FRAME_SOURCE = /^('self'|'none'|\*|(https?:\/\/)?(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d+|:\*)?)$/i;

export const configSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .default("file:./data/herald.db")
    .refine((v) => v.startsWith("file:") || /^postgres(ql)?:\/\//.test(v), "must be file:... or postgresql://..."),
  PORT: int(3000, 0),
  HOST: z.string().default("0.0.0.0"),
  PUBLIC_URL: z.string().url().optional(), // default: http://localhost:<PORT>
  ADMIN_PASSWORD: z.string().min(1).optional(),
  /** The first owner's sign-in (with ADMIN_PASSWORD); created at the first start. */
  ADMIN_EMAIL: z.string().email().max(320).default("admin@herald.local"),
  /** A console session ends after this long without a request, and in any case this long after sign-in. */
  SESSION_IDLE_MINUTES: int(720, 1),
  SESSION_MAX_HOURS: int(168, 1),
  /** How long an invitation link stays good. */
  INVITE_TTL_HOURS: int(72, 1),
  ADMIN_API_KEY: z.string().min(16).optional(),
  SESSION_SECRET: z.string().min(16).optional(),
  WORKER_ENABLED: bool.default(true),
  /** Several replicas on one PostgreSQL: Socket.IO events cross them (lib/realtime/cluster.ts). */
  REALTIME_CLUSTER: bool.default(false),
  WORKER_INTERVAL_MS: int(1000, 10),
  WORKER_BATCH_SIZE: int(50, 1),
  WORKER_CONCURRENCY: int(10, 1),
  WORKER_LEASE_MS: int(60_000, 1000),
  RETRY_MAX_ATTEMPTS: int(3, 1),
  RETRY_INTERVAL_MS: int(60_000, 0),
  SMS_PROVIDERS: chain,
  WHATSAPP_PROVIDERS: chain,
  EMAIL_PROVIDERS: chain,
  SANDBOX_DELIVERY_MS: int(500, 0),
  TWILIO_ACCOUNT_SID: z.string().min(1).optional(),
  TWILIO_AUTH_TOKEN: z.string().min(1).optional(),
  TWILIO_FROM_NUMBER: z.string().min(1).optional(),
  TWILIO_MESSAGING_SERVICE_SID: z.string().min(1).optional(),
  TWILIO_WHATSAPP_FROM: z.string().min(1).optional(),
  TWILIO_API_BASE_URL: z.string().url().optional(),
  SMS_HTTP_URL: z.string().url().optional(),
  SMS_HTTP_TOKEN: z.string().min(1).optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "must be smtp://... or smtps://...").optional(),
  EMAIL_FROM: z.string().min(3).optional(),
  /** The mailto: of List-Unsubscribe; Herald reads no mail, so this mailbox's owner acts on it. Default: the sender. */
  UNSUBSCRIBE_MAILTO: z.string().email().optional(),
  SENDGRID_API_KEY: z.string().min(1).optional(),
  SENDGRID_API_BASE_URL: z.string().url().optional(),
  SENDGRID_WEBHOOK_PUBLIC_KEY: z.string().min(1).optional(),
  PROVIDER_BREAKER_FAILURES: int(5, 1),
  PROVIDER_BREAKER_OPEN_MS: int(30_000, 100),
  TWILIO_MAX_PER_SECOND: z.coerce.number().positive().optional(),
  SMS_HTTP_MAX_PER_SECOND: z.coerce.number().positive().optional(),
  SMTP_MAX_PER_SECOND: z.coerce.number().positive().optional(),
  SENDGRID_MAX_PER_SECOND: z.coerce.number().positive().optional(),
  PRICE_SMS_SEGMENT_CENTS: z.coerce.number().min(0).default(0.79),
  PRICE_WHATSAPP_CENTS: z.coerce.number().min(0).default(0.5),
  PRICE_EMAIL_CENTS: z.coerce.number().min(0).default(0),
  RETELL_API_KEY: z.string().min(1).optional(),
  ALERT_QUEUE_LAG_MS: int(300_000, 0),
  ALERT_THROTTLE_MS: int(600_000, 1000),
  RETENTION_SENT_MESSAGES_DAYS: int(90, 0),
  RETENTION_ATTEMPTS_DAYS: int(90, 0),
  RETENTION_WEBHOOK_EVENTS_DAYS: int(30, 0),
  RETENTION_RESOLVED_ERRORS_DAYS: int(30, 0),
  SLACK_WEBHOOK_URL: z.string().url().optional(),
  ALERT_EMAIL: z.string().email().optional(),
  MAX_BODY_BYTES: int(1024 * 1024, 1024),
  /** Login attempts per minute from one address, and from everyone together (429 beyond). */
  LOGIN_RATE_LIMIT_PER_ADDRESS: int(10, 1),
  LOGIN_RATE_LIMIT_GLOBAL: int(100, 1),
  /** Behind a reverse proxy: the caller's address is the last X-Forwarded-For entry, not the socket's. */
  TRUST_PROXY: bool.default(false),
  /** Who may frame /widget/* and /api/v1/widget/* (CSP frame-ancestors); everything else: nobody. */
  WIDGET_FRAME_ANCESTORS: z
    .string()
    .default("'self'")
    // A bare self/none (quotes lost on the way through a shell or .env file) means the keyword.
    .transform((v) => v.split(/[\s,]+/).filter(Boolean).map((s) => (/^(self|none)$/i.test(s) ? `'${s.toLowerCase()}'` : s)))
    .refine((list) => list.every((s) => FRAME_SOURCE.test(s)), "each entry must be 'self', 'none', * or an origin such as https://*.example.com"),
  SHUTDOWN_TIMEOUT_MS: int(10_000, 0),
  /** pino's levels; "silent" logs nothing. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** json: one JSON object a line (production, log shippers); pretty: readable lines. Default: pretty on a terminal, json otherwise. */
  LOG_FORMAT: z.enum(["json", "pretty"]).optional(),
  /** false: no credential checks against the providers at start (lib/ops/provider-checks.ts). */
  PROVIDER_CHECKS: bool.default(true),
});

export type Config = z.infer<typeof configSchema> & { PUBLIC_URL: string };

/** Parses an environment; throws an Error naming every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return { ...result.data, PUBLIC_URL: result.data.PUBLIC_URL ?? `http://localhost:${result.data.PORT}` };
}

/** Parses the environment (cached per environment object: the context parses it once). */
export function getConfigFrom(env: Record<string, string | undefined>): Config {
  return parseConfig(env);
}

/** The process's configuration, from the one context (lib/context.ts). */
export function getConfig(): Config {
  return getContext().config;
}

/** Parses the environment again (after secrets were filled in at start, and in tests). */
export function resetConfig(): void {
  getContext().config = parseConfig(process.env);
}
