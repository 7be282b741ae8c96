// Every route the server has, read from the source tree at test time (app/api/**/route.ts
// and app/**/page.tsx), so a route added tomorrow is fuzzed without anyone listing it here.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface ApiRoute {
  /** The path with Next's segments kept, e.g. /api/messages/[id]/retry. */
  template: string;
  methods: HttpMethod[];
  file: string;
}

export interface PageRoute {
  template: string;
  file: string;
}

function walk(dir: string, name: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, name, found);
    else if (entry.name === name) found.push(full);
  }
  return found;
}

/** app/(console)/calls/[callId]/page.tsx → /calls/[callId]; route groups leave no segment. */
function templateOf(appDir: string, file: string): string {
  const segments = path.relative(appDir, path.dirname(file)).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
  return "/" + segments.join("/");
}

/** The HTTP methods a route module exports (`export const GET`, `export async function POST`, `export { x as GET }`). */
export function exportedMethods(source: string): HttpMethod[] {
  const found = new Set<HttpMethod>();
  for (const m of source.matchAll(/export\s+(?:const|let|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) found.add(m[1] as HttpMethod);
  for (const block of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of block[1]!.split(",")) {
      const name = part.trim().split(/\s+as\s+/).pop()?.trim();
      if (name && (HTTP_METHODS as readonly string[]).includes(name)) found.add(name as HttpMethod);
    }
  }
  return HTTP_METHODS.filter((m) => found.has(m));
}

export function discoverApiRoutes(root: string): ApiRoute[] {
  const appDir = path.join(root, "app");
  return walk(path.join(appDir, "api"), "route.ts")
    .map((file) => ({ template: templateOf(appDir, file), methods: exportedMethods(readFileSync(file, "utf8")), file: path.relative(root, file) }))
    .sort((a, b) => a.template.localeCompare(b.template));
}

export function discoverPageRoutes(root: string): PageRoute[] {
  const appDir = path.join(root, "app");
  return walk(appDir, "page.tsx")
    .map((file) => ({ template: templateOf(appDir, file), file: path.relative(root, file) }))
    .sort((a, b) => a.template.localeCompare(b.template));
}

/** Fills each [param] with `value(param)` (already URL-encoded); a catch-all gets one or more segments. */
export function fillTemplate(template: string, value: (param: string, catchAll: boolean) => string): string {
  return template.replace(/\[(\.\.\.)?([^\]]+)\]/g, (_, dots: string | undefined, name: string) => value(name, !!dots));
}
