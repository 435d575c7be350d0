import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import type { Upload } from "../generated/prisma/client";
import type { RequestMeta } from "../http";
import { deleteObject } from "../storage/objects";
import { auditOrigin } from "./audit-origin";
import { findOwnUpload } from "./find-own-upload";
import { quarantineKey, thumbnailKey } from "./object-keys";
import { removeOpenUploadBytes } from "./remove-open-upload-bytes";
import { isOpen, OPEN_STATUSES } from "./upload-status";

/**
 * Cancels an unfinished upload: its multipart upload is aborted on S3 (freeing the parts) and the
 * slot becomes ABORTED. Storage is changed first, so a storage outage (503) changes nothing in
 * the database. `actorId` is who cancels it (null: a guest), for the audit log.
 */
export async function cancelUpload(upload: Upload, actorId: string | null, meta: RequestMeta): Promise<void> {
  await removeOpenUploadBytes(upload);
  await db.upload.updateMany({ where: { id: upload.id, status: { in: OPEN_STATUSES } }, data: { status: "ABORTED" } });
  await recordAuditEvent({ actorId, action: "upload.abort", target: upload.id, data: { key: upload.key, ...auditOrigin(upload) }, meta });
}

/**
 * DELETE on an upload. An unfinished one is cancelled (cancelUpload). A finished one is deleted:
 * the object goes, the slot becomes a DELETED tombstone and its share links are revoked. Storage
 * is changed first, so a storage outage (503) changes nothing in the database.
 */
export async function deleteUpload(userId: string, uploadId: string, meta: RequestMeta): Promise<void> {
  const upload = await findOwnUpload(userId, uploadId);
  const now = new Date();
  if (isOpen(upload)) return cancelUpload(upload, userId, meta);
  // A rejection may have moved the object under quarantine/ (or be moving it there right now).
  await Promise.all([deleteObject(upload.key), deleteObject(quarantineKey(upload.key)), deleteObject(thumbnailKey(upload.key))]);
  await db.$transaction(async (tx) => {
    await tx.upload.update({ where: { id: upload.id }, data: { status: "DELETED", deletedAt: now } });
    await tx.shareLink.updateMany({ where: { uploadId: upload.id, revokedAt: null }, data: { revokedAt: now } });
    await recordAuditEvent(
      { actorId: userId, action: "upload.delete", target: upload.id, data: { key: upload.key, name: upload.originalName, size: Number(upload.size), status: upload.status }, meta },
      tx,
    );
  });
}
