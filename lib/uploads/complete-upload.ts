import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import { HttpError } from "../errors";
import type { Upload } from "../generated/prisma/client";
import type { RequestMeta } from "../http";
import { deleteObject, headObject } from "../s3";
import { findOwnUpload } from "./find-own-upload";
import { serializeUpload } from "./serialize-upload";

const OPEN = ["PENDING", "UPLOADING"] as const;

/** Why the stored object does not match the slot, or null when it does. */
function mismatch(upload: Upload, head: { size: number; contentType?: string; etag?: string }): string | null {
  if (head.size !== Number(upload.size)) return `the stored file is ${head.size} bytes, not the declared ${upload.size}`;
  if (head.contentType !== upload.contentType) return `the stored type is ${head.contentType}, not ${upload.contentType}`;
  if (upload.md5 && head.etag !== Buffer.from(upload.md5, "base64").toString("hex")) return "the stored bytes do not match the declared MD5";
  return null;
}

/**
 * Marks a slot COMPLETE once HeadObject proves the object is there as declared. Completing a
 * COMPLETE slot answers the same result; an object that does not match fails the slot.
 */
export async function completeUpload(userId: string, uploadId: string, meta: RequestMeta) {
  const upload = await findOwnUpload(userId, uploadId);
  if (upload.status === "COMPLETE") return serializeUpload(upload);
  if (!(OPEN as readonly string[]).includes(upload.status)) {
    throw new HttpError(409, "upload_closed", `This upload is ${upload.status.toLowerCase()} and can no longer be completed.`);
  }

  const head = await headObject(upload.key);
  if (!head) throw new HttpError(409, "object_missing", "The file has not reached storage yet: upload it, then complete.");

  const problem = mismatch(upload, head);
  if (problem) {
    await deleteObject(upload.key);
    await db.upload.update({ where: { id: upload.id }, data: { status: "FAILED" } });
    await recordAuditEvent({ actorId: userId, action: "upload.fail", target: upload.id, data: { reason: problem }, meta });
    throw new HttpError(409, "object_mismatch", `The upload failed verification: ${problem}.`);
  }

  const { count } = await db.upload.updateMany({
    where: { id: upload.id, status: { in: [...OPEN] } },
    data: { status: "COMPLETE", etag: head.etag, completedAt: new Date() },
  });
  if (count === 1) await recordAuditEvent({ actorId: userId, action: "upload.complete", target: upload.id, meta });
  // A concurrent completion may have won the update; either way, answer what is stored now.
  const current = await findOwnUpload(userId, uploadId);
  if (current.status !== "COMPLETE") throw new HttpError(409, "upload_closed", `This upload is ${current.status.toLowerCase()}.`);
  return serializeUpload(current);
}
