import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import { MAX_PRESIGN_TTL_SECONDS } from "../env";
import { abortMultipartUpload, listMultipartUploads } from "../storage/multipart";
import { deleteObject, listObjects } from "../storage/objects";
import { expireUpload } from "./expire-upload";
import { incomingKey, uploadIdOfIncoming } from "./object-keys";
import { isOpen, OPEN_STATUSES } from "./upload-status";

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
// A single PUT's URL is signed with its slot and lives at most MAX_PRESIGN_TTL_SECONDS; a
// minute more covers clock skew between the app and the store.
const PUT_URL_LIFETIME_MS = (MAX_PRESIGN_TTL_SECONDS + 60) * 1000;

/**
 * Cleans up after interrupted uploads: open slots past their deadline become EXPIRED (their
 * multipart uploads aborted, stray objects deleted); multipart uploads on S3 that no open slot
 * owns (a crash between S3 and the database) are aborted; and bytes under incoming/ that no open
 * slot waits for are deleted once no URL can write them again. All are audited.
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
  return { expired, orphansAborted, incomingRemoved: await sweepIncoming(prefix, now) };
}

async function sweepIncoming(prefix: string, now: Date): Promise<number> {
  let removed = 0;
  for await (const page of listObjects(incomingKey(prefix))) {
    const ids = page.flatMap((object) => uploadIdOfIncoming(object.key) ?? []);
    const slots = new Map((await db.upload.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, createdAt: true } })).map((slot) => [slot.id, slot]));
    for (const object of page) {
      const slot = slots.get(uploadIdOfIncoming(object.key) ?? "");
      // Waiting for its slot's completion, or still writable by its URL: left alone.
      if ((slot && isOpen(slot)) || now.getTime() - (slot?.createdAt ?? object.lastModified).getTime() < PUT_URL_LIFETIME_MS) continue;
      await deleteObject(object.key);
      await recordAuditEvent({ actorId: null, action: "upload.incoming_sweep", target: object.key, data: { status: slot?.status ?? null } });
      removed += 1;
    }
  }
  return removed;
}
