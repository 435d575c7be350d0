import { HttpError } from "../errors";
import { findOwnUpload } from "./find-own-upload";
import { asMultipartSlot } from "./multipart-slot";
import { isOpen } from "./upload-status";

/** The caller's multipart upload that is still taking parts: 404 if not theirs, 409 if closed. */
export async function findOpenMultipart(userId: string, uploadId: string) {
  const upload = asMultipartSlot(await findOwnUpload(userId, uploadId));
  if (!isOpen(upload)) {
    throw new HttpError({ code: "upload_closed", message: `This upload is ${upload.status.toLowerCase()} and takes no more parts.` });
  }
  return upload;
}
