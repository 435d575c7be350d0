import { z } from "zod";

// Values that end up as SQL parameters must be ones PostgreSQL can hold, or it answers with an
// error (a 500) instead of a result: text never holds NUL, timestamps span the years 1-9999.

/** Free text for a search or filter; `\0` (which PostgreSQL text cannot hold) is refused. */
export const queryText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .refine((text) => !text.includes("\0"), "Text cannot contain a NUL character.");

/** An ISO date or time, also with an offset, within the years PostgreSQL timestamps hold. */
export const instant = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], { error: "Use an ISO time such as 2026-01-31T12:00:00Z or a date such as 2026-01-31." })
  .transform((value) => new Date(value))
  .refine((date) => date.getUTCFullYear() >= 1 && date.getUTCFullYear() <= 9999, "Use a date between the years 1 and 9999.");

/** A query without the fields sent blank: a search form sends its empty fields too, and those are simply not set. */
export const withoutBlanks = (query: unknown) =>
  typeof query === "object" && query !== null ? Object.fromEntries(Object.entries(query).filter(([, value]) => value !== "")) : query;
