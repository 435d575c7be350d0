import type { ReviewState, UploadStatus } from "@/lib/generated/prisma/enums";

/** Upload states in the words the admin pages use. */
export const STATUS_LABEL: Record<UploadStatus, string> = {
  PENDING: "Waiting for bytes",
  UPLOADING: "Uploading",
  COMPLETE: "Finished",
  ABORTED: "Cancelled",
  EXPIRED: "Expired",
  FAILED: "Failed",
  DELETED: "Deleted",
};

export const REVIEW_LABEL: Record<ReviewState, string> = {
  NONE: "Not reviewed (review off)",
  PENDING: "Waiting for review",
  APPROVED: "Approved",
  REJECTED: "Rejected",
};
