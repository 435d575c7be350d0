import { recordAuditEvent } from "../audit/record-audit-event";
import type { RequestMeta } from "../http";
import { findFinishedOwnUpload } from "./find-own-upload";
import { presignDownload } from "./presign-download";

/** The owner's own download: no link, the same 60-second presigned GET, audited. */
export async function downloadOwnUpload(userId: string, uploadId: string, meta: RequestMeta): Promise<string> {
  const upload = await findFinishedOwnUpload(userId, uploadId, "downloaded");
  await recordAuditEvent({ actorId: userId, action: "upload.download", target: upload.id, meta });
  return presignDownload(upload);
}
