import { MAX_LINK_SECONDS } from "../validations/link";

/** The expiry presets people pick from; "custom" takes a date and time. */
export const EXPIRY_PRESETS = [
  { value: "600", label: "10 minutes" },
  { value: "3600", label: "1 hour" },
  { value: "86400", label: "1 day" },
  { value: "604800", label: "7 days" },
  { value: "custom", label: "Custom date and time…" },
] as const;

export type ExpiryChoice = { ok: true; seconds: number } | { ok: false; message: string };

/**
 * Seconds from `now` until the chosen expiry. A custom time comes from a datetime-local input
 * (local time, no zone), so it is read as local time, like the person who typed it means it.
 */
export function expirySeconds(preset: string, custom: string, now = new Date()): ExpiryChoice {
  if (preset !== "custom") return { ok: true, seconds: Number(preset) };
  const at = new Date(custom);
  if (!custom || Number.isNaN(at.getTime())) return { ok: false, message: "Choose the date and time the link should stop working." };
  const seconds = Math.round((at.getTime() - now.getTime()) / 1000);
  if (seconds < 60) return { ok: false, message: "Choose a time at least a minute from now." };
  if (seconds > MAX_LINK_SECONDS) return { ok: false, message: "A link can last at most 30 days." };
  return { ok: true, seconds };
}

/** A datetime-local value (YYYY-MM-DDTHH:mm) for `date` in local time, for min/max attributes. */
export function toDateTimeLocal(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}
