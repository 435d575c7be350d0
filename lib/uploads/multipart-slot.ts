import { HttpError } from "../errors";
import type { Upload } from "../generated/prisma/client";

/** A multipart slot, with the S3 upload id and plan that every multipart row carries. */
export type MultipartSlot = Upload & { s3UploadId: string; partSize: number; partCount: number };

/** The slot as a multipart one: 409 for a slot sent in a single request. */
export function asMultipartSlot(upload: Upload): MultipartSlot {
  const { s3UploadId, partSize, partCount } = upload;
  if (upload.strategy !== "MULTIPART" || !s3UploadId || !partSize || !partCount) {
    throw new HttpError({ code: "not_multipart", message: "This upload is sent in a single request; it has no parts." });
  }
  return { ...upload, s3UploadId, partSize, partCount };
}
