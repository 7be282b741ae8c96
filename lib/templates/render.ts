// Renders {{variable}} placeholders. An unknown variable is an error, never a blank.
import { AppError } from "../errors";

const PLACEHOLDER = /\{\{\s*([a-zA-Z_][\w.]*)\s*\}\}/g;

export function templateVariables(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

export function renderTemplate(text: string, variables: Record<string, unknown>): string {
  const missing = templateVariables(text).filter((name) => variables[name] === undefined || variables[name] === null);
  if (missing.length) {
    throw new AppError("VALIDATION_FAILED", `variables: missing ${missing.join(", ")}`, [
      { path: "variables", message: `missing ${missing.join(", ")}` },
    ]);
  }
  return text.replace(PLACEHOLDER, (_, name: string) => String(variables[name]));
}
