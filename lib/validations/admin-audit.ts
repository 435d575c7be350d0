import { z } from "zod";

// A filter form sends its empty fields as `name=`: blank means "no filter", not a bad value.
const blankIsAbsent = <S extends z.ZodType>(schema: S) => z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

const instant = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], "Use an ISO date or time, e.g. 2026-12-01 or 2026-12-01T08:00:00Z.")
  .transform((value) => new Date(value));

export const adminAuditQuerySchema = z.object({
  /** A user id or e-mail. */
  actor: blankIsAbsent(z.string().trim().max(254)),
  /** An exact action (`review.reject`) or a prefix ending in "." (`link.`). */
  action: blankIsAbsent(z.string().trim().max(100)),
  target: blankIsAbsent(z.string().trim().max(200)),
  from: blankIsAbsent(instant),
  /** Excluded. */
  to: blankIsAbsent(instant),
  /** The previous page's nextCursor (an event id). */
  cursor: blankIsAbsent(z.string().max(200)),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  format: z.enum(["json", "csv", "ndjson"]).default("json"),
});
