import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import type { RequestMeta } from "../http";
import { deleteObject } from "../s3";
import { findOwnUpload } from "./find-own-upload";

/**
 * Deletes the object, then marks the slot DELETED and revokes its share links. The row stays
 * as a tombstone for the audit trail; the object goes first so a storage outage changes nothing.
 */
export async function deleteUpload(userId: string, uploadId: string, meta: RequestMeta): Promise<void> {
  const upload = await findOwnUpload(userId, uploadId);
  await deleteObject(upload.key);
  const now = new Date();
  await db.$transaction(async (tx) => {
    await tx.upload.update({ where: { id: upload.id }, data: { status: "DELETED", deletedAt: now } });
    await tx.shareLink.updateMany({ where: { uploadId: upload.id, revokedAt: null }, data: { revokedAt: now } });
    await recordAuditEvent(
      { actorId: userId, action: "upload.delete", target: upload.id, data: { key: upload.key, name: upload.originalName, size: Number(upload.size), status: upload.status }, meta },
      tx,
    );
  });
}
