import { db } from "../db";
import { env } from "../env";
import type { ReviewState } from "../generated/prisma/enums";

export interface InitialReview {
  review: ReviewState;
  /** Why the file skipped the queue, when it did (audited as review.auto_approve). */
  autoApproved: "admin" | "trusted" | null;
}

/**
 * The review state a file starts in when it is completed: with REVIEW_MODE=off none at all
 * (shareable at once); otherwise waiting for an admin, unless its owner is an admin or trusted.
 */
export async function initialReview(ownerId: string, client: Pick<typeof db, "user"> = db): Promise<InitialReview> {
  if (env.REVIEW_MODE === "off") return { review: "NONE", autoApproved: null };
  const owner = await client.user.findUniqueOrThrow({ where: { id: ownerId }, select: { role: true, trusted: true } });
  if (owner.role === "ADMIN") return { review: "APPROVED", autoApproved: "admin" };
  if (owner.trusted) return { review: "APPROVED", autoApproved: "trusted" };
  return { review: "PENDING", autoApproved: null };
}
