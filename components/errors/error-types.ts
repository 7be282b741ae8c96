// The error-log shapes the console reads from GET /api/errors and /api/errors/stats, and the
// page's filter as it lives in the URL. Declared here so the browser bundle never reaches lib/.

export const SEVERITIES = ["critical", "error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SINCE_OPTIONS = ["1h", "6h", "24h", "7d"] as const;
export type Since = (typeof SINCE_OPTIONS)[number];

export interface ApiErrorEntry {
  id: string;
  clientId: string | null;
  service: string;
  operation: string;
  errorType: string;
  severity: string;
  message: string;
  context: Record<string, unknown>;
  fingerprint: string;
  /** Repeats within an hour of the first, while open, are counted here rather than listed again. */
  occurrences: number;
  lastSeenAt: string;
  resolvedAt: string | null;
  acknowledgedAt: string | null;
  createdAt: string;
}

export interface ErrorPage {
  errors: ApiErrorEntry[];
  nextCursor: string | null;
}

export interface ErrorStats {
  total: number;
  bySeverity: Record<Severity, number>;
  byService: Record<string, number>;
  byType: Record<string, number>;
  byResolution: { open: number; acknowledged: number; resolved: number };
  unresolved: Record<Severity, number>;
  generatedAt: string;
}

export interface ErrorFilter {
  since?: Since;
  service?: string;
  type?: string;
  severity?: Severity;
  resolved?: "true" | "false";
  q?: string;
  sort?: "severity";
  clientId?: string;
}

type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v?.trim() ? v.trim() : undefined;
}

function oneOf<T extends string>(options: readonly T[], value: string | undefined): T | undefined {
  return (options as readonly string[]).includes(value ?? "") ? (value as T) : undefined;
}

/** The filter in a /errors URL; unknown values are dropped rather than sent on to the API. */
export function parseErrorFilter(params: SearchParams): ErrorFilter {
  return {
    since: oneOf(SINCE_OPTIONS, first(params.since)),
    service: first(params.service),
    type: first(params.type),
    severity: oneOf(SEVERITIES, first(params.severity)),
    resolved: oneOf(["true", "false"] as const, first(params.resolved)),
    q: first(params.q),
    sort: oneOf(["severity"] as const, first(params.sort)),
    clientId: first(params.clientId),
  };
}

/** The filter as query parameters, in a stable order; empty ones stay out. */
export function filterParams(filter: ErrorFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ["since", "severity", "service", "type", "resolved", "q", "sort", "clientId"] as const) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  return params;
}

export function errorsHref(filter: ErrorFilter): string {
  const query = filterParams(filter).toString();
  return query ? `/errors?${query}` : "/errors";
}
