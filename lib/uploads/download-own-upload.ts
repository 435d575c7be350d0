import { recordAuditEvent } from "../audit/record-audit-event";
import { HttpError } from "../errors";
import type { RequestMeta } from "../http";
import { findOwnUpload } from "./find-own-upload";
import { presignDownload } from "./presign-download";

/** The owner's own download: no link, the same 60-second presigned GET, audited. */
export async function downloadOwnUpload(userId: string, uploadId: string, meta: RequestMeta): Promise<string> {
  const upload = await findOwnUpload(userId, uploadId);
  if (upload.status !== "COMPLETE") throw new HttpError(409, "upload_not_ready", "This upload is not finished, so there is nothing to download yet.");
  if (upload.review === "REJECTED") throw new HttpError(409, "upload_rejected", "This file was rejected in review and cannot be downloaded.");
  await recordAuditEvent({ actorId: userId, action: "upload.download", target: upload.id, meta });
  return presignDownload(upload);
}
