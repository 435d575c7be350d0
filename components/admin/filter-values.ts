/** Bytes for a size typed in MiB ("1.5"); undefined when empty or not a number. */
export function mebibytes(text: string): number | undefined {
  const value = Number(text);
  return text.trim() && Number.isFinite(value) && value >= 0 ? Math.round(value * 1024 ** 2) : undefined;
}

/**
 * The ISO time at which a day picked in a date input ("2026-03-01") starts in local time, that is,
 * as the person who picked it means it; `plusDays` moves it (an exclusive end needs the next day).
 */
export function dayStart(date: string, plusDays = 0): string | undefined {
  if (!date) return undefined;
  const [year, month, day] = date.split("-").map(Number);
  const start = new Date(year, month - 1, day + plusDays);
  return Number.isNaN(start.getTime()) ? undefined : start.toISOString();
}
