import { HttpError } from "../errors";
import { listParts } from "../storage/multipart";
import { findOpenMultipart } from "./find-open-multipart";

/** The parts S3 already holds for the caller's unfinished multipart upload (for resuming). */
export async function listUploadParts(userId: string, uploadId: string) {
  const upload = await findOpenMultipart(userId, uploadId);
  const parts = await listParts(upload.key, upload.s3UploadId);
  if (!parts) throw new HttpError({ code: "upload_closed", message: "Storage no longer holds this upload's parts; start it again." });
  return { parts };
}
