// Characters a file name must never carry: C0/C1 controls and DEL, bidirectional overrides and
// isolates (they make "evil‮fdp.exe" display as "evil.exe.pdf"), and invisible zero-width marks.
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;

export const MAX_NAME_LENGTH = 255;
const MAX_EXTENSION_LENGTH = 16;

/**
 * The display name kept for an upload, or null when nothing usable is left. Path separators
 * join the segments with "_" (so "../../etc/passwd" becomes "etc_passwd"), "." and ".."
 * segments and leading dots vanish, and long names are cut keeping their extension.
 */
export function sanitizeFileName(raw: string): string | null {
  const cleaned = raw.normalize("NFC").replace(FORBIDDEN, "");
  const joined = cleaned
    .split(/[/\\]+/)
    .map((segment) => segment.trim())
    .filter((segment) => segment !== "" && segment !== "." && segment !== "..")
    .join("_")
    .replace(/^[.\s]+/, "")
    .replace(/[.\s]+$/, "");
  if (!joined) return null;
  return truncateKeepingExtension(joined, MAX_NAME_LENGTH);
}

function truncateKeepingExtension(name: string, max: number): string {
  const chars = Array.from(name); // code points, so a cut never splits a surrogate pair
  if (chars.length <= max) return name;
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? Array.from(name.slice(dot)) : [];
  const keep = extension.length > 1 && extension.length <= MAX_EXTENSION_LENGTH ? extension : [];
  return chars.slice(0, max - keep.length).join("").trimEnd() + keep.join("");
}

/** An ASCII-only form of a sanitised name for the object key: stable to sign, sort and log. */
export function keySafeName(name: string): string {
  const ascii = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/-+\./g, ".")
    .replace(/^[-.]+|[-.]+$/g, "");
  return truncateKeepingExtension(ascii, 120) || "file";
}
