import { toErrorResponse } from "../../errors";
import type { RequestMeta } from "../../http";
import type { BulkReviewInput } from "../../validations/admin-uploads";
import { assertNoteGiven, decideReview } from "./decide-review";

export type BulkReviewResult = { id: string; status: "ok" } | { id: string; status: number; code: string };

/**
 * The same decision on many files, one after the other, each exactly as decideReview (own
 * conditional UPDATE, audit row and object move): a file that cannot be decided is reported
 * with its error's status and code, and the rest carry on. A rejection without a note is the
 * whole request's mistake, refused before anything changes.
 */
export async function decideReviews(adminId: string, { ids, decision, note }: BulkReviewInput, meta: RequestMeta): Promise<{ results: BulkReviewResult[] }> {
  assertNoteGiven({ decision, note });
  const results: BulkReviewResult[] = [];
  for (const id of ids) {
    try {
      await decideReview(adminId, id, { decision, note }, meta);
      results.push({ id, status: "ok" });
    } catch (error) {
      const { status, body } = toErrorResponse(error);
      results.push({ id, status, code: body.error.code });
    }
  }
  return { results };
}
