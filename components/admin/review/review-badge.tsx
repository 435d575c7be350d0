import type { AdminUploadJson } from "@/lib/api-client/admin-api";
import { REVIEW_LABEL } from "../labels";

/** The review state, who decided and the note, as one line. */
export function ReviewBadge({ upload }: { upload: AdminUploadJson }) {
  return (
    <span className="review-state">
      <span className={`badge badge--review-${upload.review.toLowerCase()}`}>{REVIEW_LABEL[upload.review]}</span>
      {upload.reviewer && <span className="muted"> by {upload.reviewer.name}</span>}
      {upload.quarantined && <span className="muted"> · in quarantine</span>}
      {upload.review === "REJECTED" && upload.reviewNote && <span className="review-state__note">“{upload.reviewNote}”</span>}
    </span>
  );
}
