import { globSync } from "node:fs";
import path from "node:path";

// The app's route handlers as found on disk, so that a route added later is held to the same
// rules as the others without anyone remembering to list it in a test.

export const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type Method = (typeof METHODS)[number];

const root = path.resolve(import.meta.dirname, "../..");

/** Route files under `pattern` (a glob from the project root), sorted. */
export const routeFilesUnder = (pattern: string) => globSync(pattern, { cwd: root }).sort();

/** The HTTP methods a route file exports, with their handlers. */
export async function exportedMethods<H>(file: string): Promise<[Method, H][]> {
  const exports: Record<string, unknown> = await import(path.join(root, file));
  return METHODS.filter((method) => typeof exports[method] === "function").map((method) => [method, exports[method] as H]);
}

/**
 * The route's address and params with `id` for every dynamic segment (a catch-all gets `[id]`), or
 * with each segment's own value when `id` names them (`{ token, id }`).
 */
export function addressOf(file: string, id: string | Record<string, string>) {
  const params: Record<string, string | string[]> = {};
  const segments = path
    .dirname(file)
    .split("/")
    .slice(1)
    .map((segment) => {
      const match = /^\[(\.\.\.)?(\w+)\]$/.exec(segment);
      if (!match) return segment;
      const value = typeof id === "string" ? id : id[match[2]];
      params[match[2]] = match[1] ? [value] : value;
      return value;
    });
  return { url: `/${segments.join("/")}`, params };
}
