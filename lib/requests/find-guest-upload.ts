import { db } from "../db";
import { notFound } from "../errors";
import { hashShareToken } from "../links/share-token";
import { uploadInclude, type UploadRow } from "../uploads/serialize-upload";
import { uploadKeySchema } from "../validations/request";
import { uploadIdSchema } from "../validations/upload";
import { findOpenRequest } from "./find-upload-request";

/**
 * The upload a guest acts on: the token's request must still take files (404/410), and the
 * upload must be one of that request's whose key the guest holds. Any other upload — another
 * guest's, another request's, or the owner's own — is 404, as an unknown id is.
 */
export async function findGuestUpload(token: unknown, uploadId: unknown, uploadKey: string | null): Promise<UploadRow> {
  const request = await findOpenRequest(token);
  const id = uploadIdSchema.safeParse(uploadId);
  const key = uploadKeySchema.safeParse(uploadKey);
  if (!id.success || !key.success) throw notFound("Upload");
  const upload = await db.upload.findFirst({
    where: { id: id.data, requestId: request.id, guestKeyHash: hashShareToken(key.data), status: { not: "DELETED" } },
    include: uploadInclude,
  });
  if (!upload) throw notFound("Upload");
  return upload;
}
