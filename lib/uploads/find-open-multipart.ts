import { HttpError } from "../errors";
import { findOwnUpload } from "./find-own-upload";

/** The caller's multipart upload that is still taking parts: 404 if not theirs, 409 if closed. */
export async function findOpenMultipart(userId: string, uploadId: string) {
  const upload = await findOwnUpload(userId, uploadId);
  if (upload.strategy !== "MULTIPART" || !upload.s3UploadId || !upload.partSize || !upload.partCount) {
    throw new HttpError(409, "not_multipart", "This upload is sent in a single request; it has no parts.");
  }
  if (upload.status !== "PENDING" && upload.status !== "UPLOADING") {
    throw new HttpError(409, "upload_closed", `This upload is ${upload.status.toLowerCase()} and takes no more parts.`);
  }
  return { ...upload, s3UploadId: upload.s3UploadId, partSize: upload.partSize, partCount: upload.partCount };
}
