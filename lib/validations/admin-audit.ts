import { z } from "zod";
import { instant, queryText } from "./query-fields";

// A filter form sends its empty fields as `name=`: blank means "no filter", not a bad value.
const blankIsAbsent = <S extends z.ZodType>(schema: S) => z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

export const adminAuditQuerySchema = z.object({
  /** A user id or e-mail. */
  actor: blankIsAbsent(queryText(254)),
  /** An exact action (`review.reject`) or a prefix ending in "." (`link.`). */
  action: blankIsAbsent(queryText(100)),
  target: blankIsAbsent(queryText(200)),
  from: blankIsAbsent(instant),
  /** Excluded. */
  to: blankIsAbsent(instant),
  /** The previous page's nextCursor (an event id). */
  cursor: blankIsAbsent(queryText(200)),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  format: z.enum(["json", "csv", "ndjson"]).default("json"),
});
