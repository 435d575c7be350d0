import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import type { Upload } from "../generated/prisma/client";
import type { RequestMeta } from "../http";
import { removeOpenUploadBytes } from "./remove-open-upload-bytes";
import { OPEN_STATUSES } from "./upload-status";

/**
 * Closes an open slot whose time ran out. The slot becomes EXPIRED first, and only the caller
 * that made that change removes the stored bytes (aborts the multipart upload, deletes any
 * object): a completion that won the race just before the deadline keeps its object.
 * `actorId` is null when the sweeper does it. Returns whether this call expired the slot.
 */
export async function expireUpload(upload: Upload, actorId: string | null, meta?: RequestMeta): Promise<boolean> {
  const expired = await db.$transaction(async (tx) => {
    const { count } = await tx.upload.updateMany({ where: { id: upload.id, status: { in: OPEN_STATUSES } }, data: { status: "EXPIRED" } });
    if (count === 1) await recordAuditEvent({ actorId, action: "upload.expire", target: upload.id, data: { key: upload.key }, meta }, tx);
    return count === 1;
  });
  if (expired) await removeOpenUploadBytes(upload);
  return expired;
}
