import { randomUUID } from "node:crypto";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import { env } from "../env";
import { HttpError } from "../errors";
import { formatBytes } from "../format-bytes";
import type { RequestMeta } from "../http";
import { presignPut } from "../s3";
import type { CreateUploadInput } from "../validations/upload";
import { isTypeAllowed, normalizeContentType } from "./content-type-policy";
import { keySafeName, sanitizeFileName } from "./sanitize-file-name";
import { serializeUpload } from "./serialize-upload";

function checkInput(input: CreateUploadInput) {
  const name = sanitizeFileName(input.name);
  if (!name) throw new HttpError(422, "invalid_name", "The file name is empty or has no usable characters.");
  const contentType = normalizeContentType(input.type);
  if (!contentType) throw new HttpError(422, "invalid_type", `"${input.type.slice(0, 80)}" is not a valid content type.`);
  if (!isTypeAllowed(contentType)) {
    throw new HttpError(422, "type_not_allowed", `Files of type ${contentType} are not accepted here.`);
  }
  if (input.size > env.UPLOAD_MAX_BYTES) {
    throw new HttpError(413, "file_too_large", `This file is ${formatBytes(input.size)}; the largest accepted is ${formatBytes(env.UPLOAD_MAX_BYTES)}.`);
  }
  return { name, contentType };
}

/**
 * Creates the upload slot row, then signs the PUT for it. The quota check and the insert run
 * under a lock on the owner's row, so parallel requests cannot together overshoot the quota.
 */
export async function createUploadSlot(userId: string, input: CreateUploadInput, meta: RequestMeta) {
  const { name, contentType } = checkInput(input);
  const id = randomUUID();
  const now = new Date();

  const upload = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
    const owner = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { quotaBytes: true } });
    const used = await tx.upload.aggregate({
      _sum: { size: true },
      where: {
        ownerId: userId,
        OR: [{ status: "COMPLETE" }, { status: { in: ["PENDING", "UPLOADING"] }, expiresAt: { gt: now } }],
      },
    });
    const usedBytes = Number(used._sum.size ?? 0n);
    const quota = Number(owner.quotaBytes);
    if (usedBytes + input.size > quota) {
      const left = Math.max(0, quota - usedBytes);
      throw new HttpError(413, "quota_exceeded", `Not enough storage left: this file is ${formatBytes(input.size)} and you have ${formatBytes(left)} of ${formatBytes(quota)} free.`);
    }
    const created = await tx.upload.create({
      data: {
        id,
        ownerId: userId,
        key: `u/${userId}/${id}/${keySafeName(name)}`,
        originalName: name,
        contentType,
        size: BigInt(input.size),
        md5: input.md5,
        strategy: "SINGLE",
        expiresAt: new Date(now.getTime() + env.SLOT_TTL_SECONDS * 1000),
      },
    });
    await recordAuditEvent({ actorId: userId, action: "upload.create", target: id, data: { name, size: input.size, contentType }, meta }, tx);
    return created;
  });

  const signed = await presignPut({
    key: upload.key,
    contentType,
    contentLength: input.size,
    contentMd5: input.md5,
    expiresInSeconds: env.PRESIGN_TTL_SECONDS,
  });
  return { upload: serializeUpload(upload), strategy: "single" as const, url: signed.url, headers: signed.headers, expiresAt: signed.expiresAt.toISOString() };
}
