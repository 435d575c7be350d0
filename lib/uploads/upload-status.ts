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

export type UploadAvailability = "available" | "not_ready" | "rejected";

/**
 * Whether a file may be downloaded and shared: only once finished, and never after it was
 * rejected in review. Its SQL twin is in lib/links/count-download.ts.
 */
export function uploadAvailability(upload: { status: UploadStatus; review: ReviewState }): UploadAvailability {
  if (upload.status !== "COMPLETE") return "not_ready";
  if (upload.review === "REJECTED") return "rejected";
  return "available";
}
