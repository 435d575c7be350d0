import type { Upload } from "../generated/prisma/client";
import { abortMultipartUpload } from "../storage/multipart";
import { deleteObject } from "../storage/objects";
import { incomingKey } from "./object-keys";

/**
 * Removes whatever an unfinished upload may have stored: its multipart upload (freeing the
 * parts), or a single PUT that landed under incoming/, and an object a completion that did not
 * finish may have moved to its key.
 */
export async function removeOpenUploadBytes(upload: Pick<Upload, "key" | "s3UploadId">): Promise<void> {
  if (upload.s3UploadId) await abortMultipartUpload(upload.key, upload.s3UploadId);
  else await deleteObject(incomingKey(upload.key));
  await deleteObject(upload.key);
}
