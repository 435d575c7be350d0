import { randomUUID } from "node:crypto";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import { env } from "../env";
import { HttpError } from "../errors";
import { formatBytes } from "../format-bytes";
import type { Prisma } from "../generated/prisma/client";
import type { RequestMeta } from "../http";
import { presignPut } from "../storage/s3";
import { createMultipartUpload } from "../storage/multipart";
import type { CreateUploadInput } from "../validations/upload";
import { auditOrigin } from "./audit-origin";
import { isTypeAllowed, normalizeContentType } from "./content-type-policy";
import { planUpload } from "./plan-upload";
import { incomingKey, uploadKey } from "./object-keys";
import { sanitizeFileName, sanitizeFolder } from "./sanitize-file-name";
import { serializeUpload, uploadInclude, type UploadRow } from "./serialize-upload";
import { OPEN_STATUSES } from "./upload-status";

/**
 * A slot a guest opens through one of the owner's upload requests: the request's own limits are
 * checked under the owner's row lock, next to the quota, and the slot records where it came from.
 */
export interface GuestSlot {
  requestId: string;
  guestName: string | null;
  guestEmail: string | null;
  /** sha256 of the upload key handed to the guest with the slot. */
  guestKeyHash: string;
  /** Refuses a file of `size` bytes the request has no room for; returns the latest the slot may stay open. */
  admit(tx: Prisma.TransactionClient, size: number, now: Date): Promise<Date>;
}

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

/** The quota refusal: the owner is told the figures; a guest only that there is no room (the owner's storage is not theirs to know). */
function quotaExceeded(size: number, usedBytes: number, quota: number, guest: boolean): HttpError {
  if (guest) {
    return new HttpError({ code: "quota_exceeded", message: "There is not enough storage left for this file where it is going. Let the person who sent you the link know." });
  }
  const left = Math.max(0, quota - usedBytes);
  return new HttpError({
    code: "quota_exceeded",
    message: `Not enough storage left: this file is ${formatBytes(size)} and you have ${formatBytes(left)} of ${formatBytes(quota)} free.`,
    details: { fileBytes: size, usedBytes, quotaBytes: quota },
  });
}

export type SlotTicket = { upload: UploadRow } & (
  { strategy: "single"; url: string; headers: Record<string, string>; expiresAt: string } | { strategy: "multipart"; partSize: number; partCount: number }
);

/**
 * Creates the upload slot row of `ownerId`, then either signs the single PUT or starts the S3
 * multipart upload (its parts are signed later, in batches). The quota check (and a guest's
 * request limits) and the insert run under a lock on the owner's row, so parallel requests cannot
 * together overshoot the quota. The owner's row is locked before anything else, as every change
 * to the owner's uploads does (the totals trigger), so no two of them wait on each other.
 */
export async function openUploadSlot(ownerId: string, input: CreateUploadInput, meta: RequestMeta, guest?: GuestSlot): Promise<SlotTicket> {
  const { name, contentType } = checkInput(input);
  const id = randomUUID();
  const now = new Date();
  const plan = planUpload(input.size, { threshold: env.MULTIPART_THRESHOLD_BYTES, partSize: env.MULTIPART_PART_BYTES });
  if (plan.strategy === "MULTIPART" && input.md5) {
    throw new HttpError({ code: "md5_not_applicable", message: "md5 applies to single uploads; send each part's MD5 when signing parts." });
  }

  const upload = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${ownerId} FOR UPDATE`;
    let expiresAt = new Date(now.getTime() + env.SLOT_TTL_SECONDS * 1000);
    if (guest) expiresAt = new Date(Math.min(expiresAt.getTime(), (await guest.admit(tx, input.size, now)).getTime()));
    // Stored files (kept up to date by the database) plus unfinished slots until they expire.
    const owner = await tx.user.findUniqueOrThrow({ where: { id: ownerId }, select: { quotaBytes: true, storedBytes: true } });
    const open = await tx.upload.aggregate({ _sum: { size: true }, where: { ownerId, status: { in: OPEN_STATUSES }, expiresAt: { gt: now } } });
    const usedBytes = Number(owner.storedBytes + (open._sum.size ?? 0n));
    const quota = Number(owner.quotaBytes);
    if (usedBytes + input.size > quota) throw quotaExceeded(input.size, usedBytes, quota, Boolean(guest));
    const created = await tx.upload.create({
      data: {
        id,
        ownerId,
        key: uploadKey(ownerId, id, name),
        originalName: name,
        folder: input.folder ? sanitizeFolder(input.folder) : null,
        contentType,
        size: BigInt(input.size),
        md5: input.md5,
        ...plan,
        requestId: guest?.requestId,
        guestName: guest?.guestName,
        guestEmail: guest?.guestEmail,
        guestKeyHash: guest?.guestKeyHash,
        expiresAt,
      },
      include: uploadInclude,
    });
    await recordAuditEvent(
      { actorId: guest ? null : ownerId, action: "upload.create", target: id, data: { name, size: input.size, contentType, ...auditOrigin(created) }, meta },
      tx,
    );
    return created;
  });

  if (plan.strategy === "MULTIPART") {
    const started = await startMultipart(upload.id, upload.key, contentType);
    return { upload: started, strategy: "multipart", partSize: plan.partSize, partCount: plan.partCount };
  }
  const signed = await presignPut({
    key: incomingKey(upload.key),
    contentType,
    contentLength: input.size,
    contentMd5: input.md5,
    expiresInSeconds: env.PRESIGN_TTL_SECONDS,
  });
  return { upload, strategy: "single", url: signed.url, headers: signed.headers, expiresAt: signed.expiresAt.toISOString() };
}

/** POST /api/uploads: a slot of the signed-in user's own. */
export async function createUploadSlot(userId: string, input: CreateUploadInput, meta: RequestMeta) {
  const { upload, ...transfer } = await openUploadSlot(userId, input, meta);
  return { upload: serializeUpload(upload), ...transfer };
}

/** Opens the S3 multipart upload for a recorded slot; if S3 refuses, the slot is FAILED. */
async function startMultipart(id: string, key: string, contentType: string) {
  try {
    const s3UploadId = await createMultipartUpload(key, contentType);
    return await db.upload.update({ where: { id }, data: { s3UploadId }, include: uploadInclude });
  } catch (error) {
    await db.upload.update({ where: { id }, data: { status: "FAILED" } });
    throw error;
  }
}
