import { HttpError } from "../errors";
import { findOwnUpload } from "./find-own-upload";
import { isOpen } from "./upload-status";

/** The caller's multipart upload that is still taking parts: 404 if not theirs, 409 if closed. */
export async function findOpenMultipart(userId: string, uploadId: string) {
  const upload = await findOwnUpload(userId, uploadId);
  if (upload.strategy !== "MULTIPART" || !upload.s3UploadId || !upload.partSize || !upload.partCount) {
    throw new HttpError({ code: "not_multipart", message: "This upload is sent in a single request; it has no parts." });
  }
  if (!isOpen(upload)) {
    throw new HttpError({ code: "upload_closed", message: `This upload is ${upload.status.toLowerCase()} and takes no more parts.` });
  }
  return { ...upload, s3UploadId: upload.s3UploadId, partSize: upload.partSize, partCount: upload.partCount };
}
