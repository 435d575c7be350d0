import type { AdminUploadJson } from "@/lib/api-client/admin-api";

export interface DecisionHandlers {
  busy: boolean;
  onApprove: (upload: AdminUploadJson) => void;
  onReject: (upload: AdminUploadJson) => void;
}

/** Approve and Reject for one file; a decision already made is shown by leaving its button out. */
export function DecisionButtons({ upload, busy, onApprove, onReject }: DecisionHandlers & { upload: AdminUploadJson }) {
  return (
    <div className="decision-buttons">
      {upload.review !== "APPROVED" && (
        <button type="button" className="link-button" disabled={busy} onClick={() => onApprove(upload)} aria-label={`Approve ${upload.name}`}>
          Approve
        </button>
      )}
      {upload.review !== "REJECTED" && (
        <button type="button" className="link-button danger" disabled={busy} onClick={() => onReject(upload)} aria-label={`Reject ${upload.name}`}>
          Reject
        </button>
      )}
    </div>
  );
}
