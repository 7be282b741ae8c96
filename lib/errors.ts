// One error type, mapped once to the error body of API.md.
import { ZodError } from "zod";
import { issueText } from "./schemas/issue-text";

export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  MISSING_FIELD: 400,
  INVALID_JSON: 400,
  UNAUTHENTICATED: 401,
  INVALID_SIGNATURE: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  INVALID_STATE: 409,
  IDEMPOTENCY_MISMATCH: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorDetail {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = "AppError";
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: ErrorDetail[] };
}

export function zodDetails(error: ZodError): ErrorDetail[] {
  return error.issues.map((i) => ({ path: i.path.join("."), message: issueText(i) }));
}

function prismaCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown })?.code;
  return typeof code === "string" && /^P\d{4}$/.test(code) ? code : undefined;
}

/** Turns anything thrown into a status and the API.md error body. `internal` is true for a 500. */
export function toErrorResponse(err: unknown): { status: number; body: ErrorBody; internal: boolean } {
  if (err instanceof AppError) {
    const body: ErrorBody = { error: { code: err.code, message: err.message } };
    if (err.details) body.error.details = err.details;
    return { status: err.status, body, internal: false };
  }
  if (err instanceof ZodError) {
    const details = zodDetails(err);
    const first = details[0];
    const message = first ? `${first.path || "body"}: ${first.message}` : "invalid input";
    return { status: 400, body: { error: { code: "VALIDATION_FAILED", message, details } }, internal: false };
  }
  const code = prismaCode(err);
  if (code === "P2002") return { status: 409, body: { error: { code: "CONFLICT", message: "already exists" } }, internal: false };
  if (code === "P2025") return { status: 404, body: { error: { code: "NOT_FOUND", message: "not found" } }, internal: false };
  return { status: 500, body: { error: { code: "INTERNAL", message: "internal error" } }, internal: true };
}

export function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(typeof value === "string" ? value : JSON.stringify(value));
}
