import type { UploadJson } from "@/lib/uploads/upload-json";
import { OWNER_DOWNLOADABLE, type UploadAvailability } from "@/lib/uploads/upload-status";
import { ActionsCell } from "../ui/actions-cell";

/** Why a finished file cannot be shared; the bulk share names the same reasons. */
export const NOT_SHAREABLE: Partial<Record<UploadAvailability, string>> = {
  not_ready: "Not finished uploading",
  pending_review: "Shareable once approved",
  processing: "Shareable once checked",
  scan_failed: "Cannot be shared: the virus scan failed",
  rejected: "Cannot be shared: rejected in review",
  infected: "Cannot be shared or downloaded: a virus was found",
};

export interface RowActionHandlers {
  onShare: (upload: UploadJson) => void;
  onDelete: (upload: UploadJson) => void;
}

/** Why a finished file has no Share button, or nothing. */
export const notShareable = (upload: UploadJson) => (upload.status === "COMPLETE" ? NOT_SHAREABLE[upload.availability] : undefined);

/** Download, Share and Delete for one file (the row's status says why there is no Share). */
export function RowActions({ upload, deleting, onShare, onDelete }: RowActionHandlers & { upload: UploadJson; deleting: boolean }) {
  const { availability } = upload;
  return (
    <ActionsCell>
      {OWNER_DOWNLOADABLE.includes(availability) && (
        // The API answers with a redirect to a 60-second presigned GET that downloads.
        <a href={`/api/uploads/${upload.id}/download`} aria-label={`Download ${upload.name}`}>
          Download
        </a>
      )}
      {availability === "available" && (
        <button type="button" className="link-button" onClick={() => onShare(upload)} aria-label={`Share ${upload.name}`}>
          Share
        </button>
      )}
      <button type="button" className="link-button danger" disabled={deleting} onClick={() => onDelete(upload)} aria-label={`Delete ${upload.name}`}>
        Delete
      </button>
    </ActionsCell>
  );
}
