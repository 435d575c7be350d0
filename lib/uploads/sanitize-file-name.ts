import { cleanText } from "../clean-text";

export const MAX_NAME_LENGTH = 255;
const MAX_EXTENSION_LENGTH = 16;

/**
 * The display name kept for an upload, or null when nothing usable is left. After cleanText,
 * path separators join the segments with "_" (so "../../etc/passwd" becomes "etc_passwd"),
 * "." and ".." segments vanish, a run of leading dots becomes one (".gitkeep" is a name people
 * keep in folders; "..." is nothing), and long names are cut keeping their extension.
 */
export function sanitizeFileName(raw: string): string | null {
  const joined = cleanText(raw)
    .split(/[/\\]+/)
    .map((segment) => segment.trim())
    .filter((segment) => segment !== "" && segment !== "." && segment !== "..")
    .join("_")
    .replace(/^\s+/, "")
    .replace(/^\.+/, ".")
    .replace(/[.\s]+$/, "");
  if (!joined || joined === ".") return null;
  return truncateKeepingExtension(joined, MAX_NAME_LENGTH);
}

function truncateKeepingExtension(name: string, max: number): string {
  const chars = Array.from(name); // code points, so a cut never splits a surrogate pair
  if (chars.length <= max) return name;
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? Array.from(name.slice(dot)) : [];
  const keep = extension.length > 1 && extension.length <= MAX_EXTENSION_LENGTH ? extension : [];
  return (
    chars
      .slice(0, max - keep.length)
      .join("")
      .trimEnd() + keep.join("")
  );
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

const MAX_FOLDER_LENGTH = 1024;
const MAX_FOLDER_DEPTH = 32;

/** A dropped folder's relative path for display: each segment sanitised, empty or ".." ones dropped. */
export function sanitizeFolder(raw: string): string | null {
  const segments = raw
    .split(/[/\\]+/)
    .map(sanitizeFileName)
    .filter((segment): segment is string => segment !== null)
    .slice(0, MAX_FOLDER_DEPTH);
  const folder = Array.from(segments.join("/")).slice(0, MAX_FOLDER_LENGTH).join("");
  return folder || null;
}
