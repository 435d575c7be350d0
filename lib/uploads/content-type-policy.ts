import { env } from "../env";

// type/subtype made of RFC 6838 restricted-name characters; parameters are dropped.
const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

/** The stored Content-Type for a declared one, or null when it is not a MIME type at all. */
export function normalizeContentType(declared: string): string | null {
  const bare = declared.split(";")[0].trim().toLowerCase();
  if (bare === "") return "application/octet-stream"; // browsers send "" for unknown extensions
  return MIME.test(bare) ? bare : null;
}

export function parseAllowlist(spec: string): string[] {
  return spec
    .split(",")
    .map((pattern) => pattern.trim().toLowerCase())
    .filter(Boolean);
}

/** Whether a normalised type matches one of the patterns: `*`, `type/*` or an exact type. */
export function isTypeAllowed(type: string, patterns: string[] = parseAllowlist(env.UPLOAD_ALLOWED_TYPES)): boolean {
  return patterns.some((pattern) => pattern === "*" || pattern === "*/*" || pattern === type || (pattern.endsWith("/*") && type.startsWith(pattern.slice(0, -1))));
}
