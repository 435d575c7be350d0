import { db } from "../db";
import { env } from "../env";
import type { ReviewState } from "../generated/prisma/enums";
import type { Upload } from "../generated/prisma/client";

export interface InitialReview {
  review: ReviewState;
  /** Why the file skipped the queue, when it did (audited as review.auto_approve). */
  autoApproved: "admin" | "trusted" | null;
}

/**
 * The review state a file starts in when it is completed: with REVIEW_MODE=off none at all
 * (shareable at once); otherwise waiting for an admin, unless its owner is an admin or trusted.
 * A file a guest sent through an upload request always waits: trust was given to the owner, not
 * to whoever holds one of the owner's request links.
 */
export async function initialReview(upload: Pick<Upload, "ownerId" | "requestId">, client: Pick<typeof db, "user"> = db): Promise<InitialReview> {
  if (env.REVIEW_MODE === "off") return { review: "NONE", autoApproved: null };
  if (upload.requestId) return { review: "PENDING", autoApproved: null };
  const owner = await client.user.findUniqueOrThrow({ where: { id: upload.ownerId }, select: { role: true, trusted: true } });
  if (owner.role === "ADMIN") return { review: "APPROVED", autoApproved: "admin" };
  if (owner.trusted) return { review: "APPROVED", autoApproved: "trusted" };
  return { review: "PENDING", autoApproved: null };
}
