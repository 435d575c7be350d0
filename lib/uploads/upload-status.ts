// Type-only imports: the browser upload engine and the dashboard use these rules too.
import type { ReviewState, UploadStatus } from "../generated/prisma/enums";

/**
 * A slot still waiting for its bytes: it can take parts, be completed, expire or be cancelled.
 * A plain mutable list because Prisma's `status: { in }` takes no readonly array.
 */
export const OPEN_STATUSES: UploadStatus[] = ["PENDING", "UPLOADING"];

export function isOpen(upload: { status: UploadStatus }): boolean {
  return OPEN_STATUSES.includes(upload.status);
}

/** Review states whose files may be shared: never reviewed (review off) or approved. */
export const SHAREABLE_REVIEWS: ReviewState[] = ["NONE", "APPROVED"];

export type UploadAvailability = "available" | "not_ready" | "pending_review" | "rejected";

/**
 * Whether a file may be shared: only once finished, and only when review let it through (never
 * reviewed, or approved). Its owner may also download it while it waits for review. The SQL twin
 * of the sharing rule is in lib/links/count-download.ts.
 */
export function uploadAvailability(upload: { status: UploadStatus; review: ReviewState }): UploadAvailability {
  if (upload.status !== "COMPLETE") return "not_ready";
  if (upload.review === "REJECTED") return "rejected";
  if (upload.review === "PENDING") return "pending_review";
  return "available";
}
