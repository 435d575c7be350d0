import { HttpError } from "../errors";
import type { Upload } from "../generated/prisma/client";
import { findOwnUpload } from "./find-own-upload";
import { asMultipartSlot, type MultipartSlot } from "./multipart-slot";
import { isOpen } from "./upload-status";

/** The slot as a multipart upload that is still taking parts: 409 if it is not one, or is closed. */
export function openMultipart(upload: Upload): MultipartSlot {
  const slot = asMultipartSlot(upload);
  if (!isOpen(slot)) {
    throw new HttpError({ code: "upload_closed", message: `This upload is ${slot.status.toLowerCase()} and takes no more parts.` });
  }
  return slot;
}

/** The caller's multipart upload that is still taking parts: 404 if not theirs, 409 if closed. */
export async function findOpenMultipart(userId: string, uploadId: string): Promise<MultipartSlot> {
  return openMultipart(await findOwnUpload(userId, uploadId));
}
