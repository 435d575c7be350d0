import { HttpError } from "../errors";
import type { RequestMeta } from "../http";
import { cancelUpload } from "../uploads/delete-upload";
import type { UploadRow } from "../uploads/serialize-upload";
import { isOpen } from "../uploads/upload-status";

/**
 * DELETE /api/r/:token/uploads/:id: a guest cancels a file they are still sending. A delivered
 * file belongs to the owner and stays (409); a slot already closed (cancelled, expired, failed)
 * answers as done, so a retried cancel succeeds.
 */
export async function cancelGuestUpload(upload: UploadRow, meta: RequestMeta): Promise<void> {
  if (upload.status === "COMPLETE") {
    throw new HttpError({ code: "upload_closed", message: "This file has been delivered; only the person who asked for it can remove it now." });
  }
  if (isOpen(upload)) await cancelUpload(upload, null, meta);
}
