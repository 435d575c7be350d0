import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import { notFound } from "../errors";
import type { RequestMeta } from "../http";
import { cancelUpload } from "../uploads/delete-upload";
import { OPEN_STATUSES } from "../uploads/upload-status";

/**
 * Revokes one of the caller's requests (404 for anyone else's): its link answers 410 from now on,
 * and the slots guests still had open are cancelled, so nothing more arrives through it. The
 * revocation commits first: slot creation re-reads the request under its row lock, so no slot can
 * be opened after it, and every slot opened before it is found here. Slots are cancelled one at a
 * time, each as its owner's DELETE does (storage first), never holding two upload rows at once
 * (a completion holds its upload's row and then the totals rows). Revoking twice is harmless and
 * cancels whatever a storage outage left open the first time.
 */
export async function revokeUploadRequest(userId: string, requestId: string, meta: RequestMeta): Promise<void> {
  const request = await db.uploadRequest.findFirst({ where: { id: requestId, ownerId: userId }, select: { id: true } });
  if (!request) throw notFound("Upload request");
  const { count } = await db.uploadRequest.updateMany({ where: { id: request.id, revokedAt: null }, data: { revokedAt: new Date() } });
  const open = await db.upload.findMany({ where: { requestId: request.id, status: { in: OPEN_STATUSES } } });
  if (count) await recordAuditEvent({ actorId: userId, action: "request.revoke", target: request.id, data: { openUploads: open.length }, meta });
  for (const upload of open) await cancelUpload(upload, userId, meta);
}
