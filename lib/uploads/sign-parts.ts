import { db } from "../db";
import { env } from "../env";
import { HttpError } from "../errors";
import { presignPut } from "../storage/s3";
import type { SignPartsInput } from "../validations/upload";
import { findOpenMultipart } from "./find-open-multipart";
import type { MultipartSlot } from "./multipart-slot";
import { partLength } from "./plan-upload";

/** POST /api/uploads/:id/parts: parts of the caller's own multipart upload. */
export async function signParts(userId: string, uploadId: string, input: SignPartsInput) {
  return signSlotParts(await findOpenMultipart(userId, uploadId), input);
}

/**
 * Presigned PUTs for up to 100 parts of an open multipart upload. Each URL is scoped to its
 * part number and signs the part's exact Content-Length, and its Content-MD5 when the client
 * sent one, so S3 refuses short, long or corrupted bodies itself.
 */
export async function signSlotParts(upload: MultipartSlot, { parts }: SignPartsInput) {
  const outside = parts.filter((part) => part.number > upload.partCount).map((part) => part.number);
  if (outside.length) {
    throw new HttpError({ code: "part_out_of_range", message: `This upload has parts 1 to ${upload.partCount}; there is no part ${outside.join(", ")}.` });
  }
  if (upload.status === "PENDING") await db.upload.updateMany({ where: { id: upload.id, status: "PENDING" }, data: { status: "UPLOADING" } });

  const size = Number(upload.size);
  const signed = await Promise.all(
    parts.map(async (part) => {
      const request = await presignPut({
        key: upload.key,
        contentLength: partLength(size, upload.partSize, part.number),
        contentMd5: part.md5,
        expiresInSeconds: env.PRESIGN_TTL_SECONDS,
        part: { uploadId: upload.s3UploadId, number: part.number },
      });
      return { number: part.number, url: request.url, headers: request.headers, expiresAt: request.expiresAt.toISOString() };
    }),
  );
  return { parts: signed };
}
