import { z } from "zod";
import { cleanText } from "../clean-text";
import { instant, queryText, withoutBlanks } from "./query-fields";

export const REVIEW_FILTERS = ["pending", "approved", "rejected", "none", "all"] as const;
export type ReviewFilter = (typeof REVIEW_FILTERS)[number];

// A content type (`image/png`) or a family (`image/`), in the characters normalizeContentType keeps.
const typeFilter = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/([a-z0-9][a-z0-9!#$&^_.+-]{0,126})?$/, "type must be a content type (image/png) or a family (image/).");

const bytes = z.coerce.number().int("Sizes are whole numbers of bytes.").min(0).max(Number.MAX_SAFE_INTEGER);

/** Query of the review queue (filters left blank are not set). */
export const reviewQueueQuerySchema = z.preprocess(
  withoutBlanks,
  z.object({
    review: z.enum(REVIEW_FILTERS).default("pending"),
    owner: z.uuid().optional(),
    type: typeFilter.optional(),
    q: queryText(200).optional(),
    minSize: bytes.optional(),
    maxSize: bytes.optional(),
    from: instant.optional(),
    to: instant.optional(),
    cursor: z.uuid().optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
  }),
);
export type ReviewQueueQuery = z.infer<typeof reviewQueueQuerySchema>;

export const reviewDecisionSchema = z.enum(["approve", "reject"]);
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

// The owner reads the note next to their file: one clean line (line breaks become spaces), and
// a blank note is no note (a rejection then answers note_required).
const note = z
  .string()
  .overwrite((text) => cleanText(text.replace(/[\t\n\v\f\r]+/g, " ")))
  .trim()
  .max(1000, "A note can have at most 1000 characters.")
  .transform((text) => text || undefined)
  .optional();

export const reviewSchema = z.strictObject({ decision: reviewDecisionSchema, note });
export type ReviewInput = z.infer<typeof reviewSchema>;

export const bulkReviewSchema = z.strictObject({
  ids: z.array(z.uuid()).min(1, "Choose at least one upload.").max(100, "Decide at most 100 uploads at once."),
  decision: reviewDecisionSchema,
  note,
});
export type BulkReviewInput = z.infer<typeof bulkReviewSchema>;
