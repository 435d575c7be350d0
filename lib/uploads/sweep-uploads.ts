import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import { abortMultipartUpload, listMultipartUploads } from "../storage/multipart";
import { expireUpload } from "./expire-upload";
import { OPEN_STATUSES } from "./upload-status";

export interface SweepOptions {
  now?: Date;
  /** Only keys under this prefix (all uploads live under "u/"). */
  prefix?: string;
  /**
   * A multipart upload younger than this may belong to a slot being created right now
   * (CreateMultipartUpload answered, the row not yet updated): it is left alone.
   */
  orphanGraceMs?: number;
}

const BATCH = 200;

/**
 * Cleans up after interrupted uploads: open slots past their deadline become EXPIRED (their
 * multipart uploads aborted, stray objects deleted), and multipart uploads on S3 that no open
 * slot owns (a crash between S3 and the database) are aborted. Both are audited.
 */
export async function sweepUploads({ now = new Date(), prefix = "u/", orphanGraceMs = 3600_000 }: SweepOptions = {}) {
  let expired = 0;
  for (;;) {
    const overdue = await db.upload.findMany({
      where: { status: { in: OPEN_STATUSES }, expiresAt: { lte: now }, key: { startsWith: prefix } },
      take: BATCH,
    });
    for (const upload of overdue) if (await expireUpload(upload, null)) expired += 1;
    if (overdue.length < BATCH) break;
  }

  let orphansAborted = 0;
  for await (const page of listMultipartUploads(prefix)) {
    const old = page.filter((upload) => now.getTime() - upload.initiated.getTime() >= orphanGraceMs);
    if (!old.length) continue;
    const owned = await db.upload.findMany({
      where: { s3UploadId: { in: old.map((upload) => upload.uploadId) }, status: { in: OPEN_STATUSES } },
      select: { s3UploadId: true },
    });
    const ownedIds = new Set(owned.map((upload) => upload.s3UploadId));
    for (const orphan of old.filter((upload) => !ownedIds.has(upload.uploadId))) {
      await abortMultipartUpload(orphan.key, orphan.uploadId);
      await recordAuditEvent({ actorId: null, action: "upload.orphan_abort", target: orphan.key, data: { uploadId: orphan.uploadId } });
      orphansAborted += 1;
    }
  }
  return { expired, orphansAborted };
}
