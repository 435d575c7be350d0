import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import { HttpError } from "../errors";
import type { Prisma, Upload } from "../generated/prisma/client";
import type { RequestMeta } from "../http";
import { sendProcessingLater } from "../processing/send-processing";
import { copyObject, deleteObject, headObject, type ObjectHead } from "../storage/objects";
import { configuredEncryption } from "../storage/sse";
import { auditOrigin } from "./audit-origin";
import { completionRule } from "./completion-rule";
import { assembleMultipart } from "./assemble-multipart";
import { expireUpload } from "./expire-upload";
import { findOwnUpload } from "./find-own-upload";
import { asMultipartSlot } from "./multipart-slot";
import { initialReview } from "./initial-review";
import { incomingKey } from "./object-keys";
import { serializeUpload, uploadInclude, type UploadRow } from "./serialize-upload";
import { isOpen, OPEN_STATUSES } from "./upload-status";

/** Why the stored object does not match the slot, or null when it does (the rules per case: completion-rule.ts). */
function mismatch(upload: Upload, head: ObjectHead, expectedEtag: string | null): string | null {
  const rule = completionRule(configuredEncryption, upload.strategy, head);
  if (head.size !== Number(upload.size)) return `the stored file is ${head.size} bytes, not the declared ${upload.size}`;
  if (head.contentType !== upload.contentType) return `the stored type is ${head.contentType}, not ${upload.contentType}`;
  if (rule.encryptionProblem) return rule.encryptionProblem;
  if (rule.compareEtag && expectedEtag && head.etag !== expectedEtag) return `the stored ETag ${head.etag} is not the expected ${expectedEtag}`;
  if (rule.checkPartCount && !head.etag?.endsWith(`-${upload.partCount}`)) return "the stored file was not assembled from the planned parts";
  return null;
}

/** The ETag the object must carry: from the declared MD5 (single) or the assembled parts (multipart). */
async function expectedEtag(upload: Upload): Promise<string | null> {
  if (upload.strategy === "SINGLE") return upload.md5 ? Buffer.from(upload.md5, "base64").toString("hex") : null;
  const assembled = await assembleMultipart(asMultipartSlot(upload));
  return assembled?.expectedEtag ?? null;
}

/**
 * Moves a single PUT's bytes from the incoming key its URL was signed for to the upload's own
 * key, once they match the slot; the copy is conditional on the ETag just checked, so what was
 * checked is exactly what is stored. Returns why not, or null (also when nothing is waiting:
 * not sent yet, or moved by an earlier completion).
 */
async function moveIncoming(upload: Upload, etag: string | null): Promise<string | null> {
  const incoming = incomingKey(upload.key);
  const head = await headObject(incoming);
  if (!head) return null;
  const problem = mismatch(upload, head, etag);
  if (problem) return problem;
  if (!head.etag || !(await copyObject(incoming, upload.key, { ...head, etag: head.etag }))) return "the file changed while it was being checked";
  await deleteObject(incoming);
  return null;
}

type Tx = Prisma.TransactionClient;

/** Long enough for S3 to copy a single PUT's object (up to 5 GiB) server-side under the row lock. */
const SETTLE_TIMEOUT_MS = 10 * 60_000;

async function fail(tx: Tx, upload: Upload, problem: string, actorId: string | null, meta: RequestMeta): Promise<HttpError> {
  await deleteObject(upload.key);
  if (upload.strategy === "SINGLE") await deleteObject(incomingKey(upload.key));
  const { count } = await tx.upload.updateMany({ where: { id: upload.id, status: { in: OPEN_STATUSES } }, data: { status: "FAILED" } });
  if (count === 1) await recordAuditEvent({ actorId, action: "upload.fail", target: upload.id, data: { reason: problem, ...auditOrigin(upload) }, meta }, tx);
  return new HttpError({ code: "object_mismatch", message: `The upload failed verification: ${problem}.` });
}

async function expired(upload: Upload, actorId: string | null, meta: RequestMeta): Promise<HttpError> {
  await expireUpload(upload, actorId, meta);
  return new HttpError({ code: "upload_expired", message: "This upload was not completed in time and has expired. Upload the file again." });
}

const closed = (status: string) => new HttpError({ code: "upload_closed", message: `This upload is ${status.toLowerCase()} and can no longer be completed.` });

/**
 * The part of completion that writes: under the slot's row lock, so completions of one upload run
 * one at a time and a request that was slow to get here finds the slot COMPLETE and copies
 * nothing (otherwise it could copy bytes an old URL wrote to incoming/ over a file an admin has
 * approved since). Returns "expired" for the caller to expire the slot outside the lock, or the
 * error of a failed verification once the FAILED slot is recorded.
 */
async function settle(tx: Tx, upload: Upload, etag: string | null, actorId: string | null, meta: RequestMeta): Promise<"done" | "expired" | HttpError> {
  const [row] = await tx.$queryRaw<Array<Pick<Upload, "status">>>`SELECT "status" FROM "Upload" WHERE "id" = ${upload.id} FOR UPDATE`;
  if (row.status === "COMPLETE") return "done";
  if (!isOpen(row)) throw closed(row.status);

  const refused = upload.strategy === "SINGLE" ? await moveIncoming(upload, etag) : null;
  // Returned, not thrown: throwing would roll back the FAILED status and its audit row.
  if (refused) return fail(tx, upload, refused, actorId, meta);
  const head = await headObject(upload.key);
  if (!head) throw new HttpError({ code: "object_missing", message: "The file has not reached storage yet: upload it, then complete." });
  const problem = mismatch(upload, head, etag);
  if (problem) return fail(tx, upload, problem, actorId, meta);

  // The deadline holds until the row changes: checking S3 may have taken us past it.
  const now = new Date();
  if (upload.expiresAt <= now) return "expired";
  const { review, autoApproved } = await initialReview(upload, tx);
  await tx.upload.update({
    where: { id: upload.id },
    data: { status: "COMPLETE", etag: head.etag, completedAt: now, review, reviewedAt: autoApproved ? now : null, processing: "QUEUED", processingQueuedAt: now },
  });
  await recordAuditEvent({ actorId, action: "upload.complete", target: upload.id, data: { etag: head.etag, size: head.size, review, ...auditOrigin(upload) }, meta }, tx);
  if (autoApproved) await recordAuditEvent({ actorId: null, action: "review.auto_approve", target: upload.id, data: { reason: autoApproved, etag: head.etag }, meta }, tx);
  return "done";
}

/**
 * Marks a slot COMPLETE once S3 proves the object is there as declared: size, type and ETag
 * (for multipart, after checking every part against the plan and assembling them). Completing
 * a COMPLETE slot answers the same result; an object that does not match fails the slot; a
 * slot past its expiresAt expires instead. `actorId` is who completes it (null: a guest), for
 * the audit log. Returns the slot as it is now.
 */
export async function finishUpload(upload: UploadRow, actorId: string | null, meta: RequestMeta): Promise<UploadRow> {
  if (upload.status === "COMPLETE") return upload;
  if (!isOpen(upload)) throw closed(upload.status);
  if (upload.expiresAt <= new Date()) throw await expired(upload, actorId, meta);

  const etag = await expectedEtag(upload);
  const outcome = await db.$transaction((tx) => settle(tx, upload, etag, actorId, meta), { timeout: SETTLE_TIMEOUT_MS });
  if (outcome instanceof HttpError) throw outcome;
  if (outcome === "expired") throw await expired(upload, actorId, meta);
  sendProcessingLater([upload.id]);
  return db.upload.findUniqueOrThrow({ where: { id: upload.id }, include: uploadInclude });
}

/** POST /api/uploads/:id/complete: the signed-in owner completes their upload. */
export async function completeUpload(userId: string, uploadId: string, meta: RequestMeta) {
  return serializeUpload(await finishUpload(await findOwnUpload(userId, uploadId), userId, meta));
}
