import { randomUUID } from "node:crypto";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import { env } from "../env";
import { HttpError } from "../errors";
import { formatBytes } from "../format-bytes";
import type { RequestMeta } from "../http";
import { presignPut } from "../storage/s3";
import { createMultipartUpload } from "../storage/multipart";
import type { CreateUploadInput } from "../validations/upload";
import { isTypeAllowed, normalizeContentType } from "./content-type-policy";
import { planUpload } from "./plan-upload";
import { incomingKey, uploadKey } from "./object-keys";
import { openUploadBytes } from "./open-upload-bytes";
import { sanitizeFileName, sanitizeFolder } from "./sanitize-file-name";
import { serializeUpload } from "./serialize-upload";

function checkInput(input: CreateUploadInput) {
  const name = sanitizeFileName(input.name);
  if (!name) throw new HttpError({ code: "invalid_name", message: "The file name is empty or has no usable characters." });
  const contentType = normalizeContentType(input.type);
  if (!contentType) throw new HttpError({ code: "invalid_type", message: `"${input.type.slice(0, 80)}" is not a valid content type.` });
  if (!isTypeAllowed(contentType)) {
    throw new HttpError({ code: "type_not_allowed", message: `Files of type ${contentType} are not accepted here.` });
  }
  if (input.size > env.UPLOAD_MAX_BYTES) {
    throw new HttpError({ code: "file_too_large", message: `This file is ${formatBytes(input.size)}; the largest accepted is ${formatBytes(env.UPLOAD_MAX_BYTES)}.` });
  }
  return { name, contentType };
}

/**
 * Creates the upload slot row, then either signs the single PUT or starts the S3 multipart
 * upload (its parts are signed later, in batches). The quota check and the insert run under a
 * lock on the owner's row, so parallel requests cannot together overshoot the quota.
 */
export async function createUploadSlot(userId: string, input: CreateUploadInput, meta: RequestMeta) {
  const { name, contentType } = checkInput(input);
  const id = randomUUID();
  const now = new Date();
  const plan = planUpload(input.size, { threshold: env.MULTIPART_THRESHOLD_BYTES, partSize: env.MULTIPART_PART_BYTES });
  if (plan.strategy === "MULTIPART" && input.md5) {
    throw new HttpError({ code: "md5_not_applicable", message: "md5 applies to single uploads; send each part's MD5 when signing parts." });
  }

  const upload = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
    // Stored files (kept up to date by the database) plus unfinished slots until they expire.
    const owner = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { quotaBytes: true, storedBytes: true } });
    const usedBytes = Number(owner.storedBytes) + (await openUploadBytes(tx, userId, now));
    const quota = Number(owner.quotaBytes);
    if (usedBytes + input.size > quota) {
      const left = Math.max(0, quota - usedBytes);
      throw new HttpError({
        code: "quota_exceeded",
        message: `Not enough storage left: this file is ${formatBytes(input.size)} and you have ${formatBytes(left)} of ${formatBytes(quota)} free.`,
        details: { fileBytes: input.size, usedBytes, quotaBytes: quota },
      });
    }
    const created = await tx.upload.create({
      data: {
        id,
        ownerId: userId,
        key: uploadKey(userId, id, name),
        originalName: name,
        folder: input.folder ? sanitizeFolder(input.folder) : null,
        contentType,
        size: BigInt(input.size),
        md5: input.md5,
        ...plan,
        expiresAt: new Date(now.getTime() + env.SLOT_TTL_SECONDS * 1000),
      },
    });
    await recordAuditEvent({ actorId: userId, action: "upload.create", target: id, data: { name, size: input.size, contentType }, meta }, tx);
    return created;
  });

  if (plan.strategy === "MULTIPART") {
    const started = await startMultipart(upload.id, upload.key, contentType);
    return { upload: serializeUpload(started), strategy: "multipart" as const, partSize: plan.partSize, partCount: plan.partCount };
  }
  const signed = await presignPut({
    key: incomingKey(upload.key),
    contentType,
    contentLength: input.size,
    contentMd5: input.md5,
    expiresInSeconds: env.PRESIGN_TTL_SECONDS,
  });
  return { upload: serializeUpload(upload), strategy: "single" as const, url: signed.url, headers: signed.headers, expiresAt: signed.expiresAt.toISOString() };
}

/** Opens the S3 multipart upload for a recorded slot; if S3 refuses, the slot is FAILED. */
async function startMultipart(id: string, key: string, contentType: string) {
  try {
    const s3UploadId = await createMultipartUpload(key, contentType);
    return await db.upload.update({ where: { id }, data: { s3UploadId } });
  } catch (error) {
    await db.upload.update({ where: { id }, data: { status: "FAILED" } });
    throw error;
  }
}
