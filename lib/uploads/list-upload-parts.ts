import { HttpError } from "../errors";
import { listParts } from "../storage/multipart";
import { findOpenMultipart } from "./find-open-multipart";
import type { MultipartSlot } from "./multipart-slot";

/** GET /api/uploads/:id/parts: the parts of the caller's own unfinished multipart upload. */
export async function listUploadParts(userId: string, uploadId: string) {
  return listSlotParts(await findOpenMultipart(userId, uploadId));
}

/** The parts S3 already holds for an unfinished multipart upload (for resuming). */
export async function listSlotParts(upload: MultipartSlot) {
  const parts = await listParts(upload.key, upload.s3UploadId);
  if (!parts) throw new HttpError({ code: "upload_closed", message: "Storage no longer holds this upload's parts; start it again." });
  return { parts };
}
