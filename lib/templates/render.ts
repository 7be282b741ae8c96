// Renders {{variable}} placeholders. An unknown variable is an error, never a blank.
// `[[ … ]]` marks an optional part: it is left out when a variable inside it has no value,
// so one template reads well with or without the customer's name or a booking link
// ("Sorry we missed you[[, {{customerName}}]]!" → "Sorry we missed you!").
import { AppError } from "../errors";

const PLACEHOLDER = /\{\{\s*([a-zA-Z_][\w.]*)\s*\}\}/g;
const OPTIONAL = /\[\[([\s\S]*?)\]\]/g;

const hasValue = (variables: Record<string, unknown>, name: string) => variables[name] !== undefined && variables[name] !== null && variables[name] !== "";

/** Every variable a template names, optional parts included. */
export function templateVariables(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/** The text with its optional parts kept (brackets removed) or left out, by the values at hand. */
function resolveOptional(text: string, variables: Record<string, unknown>): string {
  return text.replace(OPTIONAL, (_, inner: string) => (templateVariables(inner).every((name) => hasValue(variables, name)) ? inner : ""));
}

/** The variables a template cannot do without (those outside its optional parts) that have no value. */
export function missingVariables(text: string, variables: Record<string, unknown>): string[] {
  return templateVariables(resolveOptional(text, variables)).filter((name) => variables[name] === undefined || variables[name] === null);
}

export function renderTemplate(text: string, variables: Record<string, unknown>): string {
  const resolved = resolveOptional(text, variables);
  const missing = templateVariables(resolved).filter((name) => variables[name] === undefined || variables[name] === null);
  if (missing.length) {
    throw new AppError("VALIDATION_FAILED", `variables: missing ${missing.join(", ")}`, [
      { path: "variables", message: `missing ${missing.join(", ")}` },
    ]);
  }
  return resolved.replace(PLACEHOLDER, (_, name: string) => String(variables[name]));
}
