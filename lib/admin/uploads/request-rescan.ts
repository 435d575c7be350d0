import { recordAuditEvent } from "../../audit/record-audit-event";
import { HttpError } from "../../errors";
import type { RequestMeta } from "../../http";
import { requestRescanAll, rescanUpload } from "../../processing/rescan-uploads";
import { findAdminUpload } from "./find-admin-upload";
import { serializeAdminUpload } from "./serialize-admin-upload";

/** An admin asks for one finished file to be processed again (after new signatures, or a failed scan). */
export async function requestRescan(adminId: string, uploadId: string, meta: RequestMeta) {
  const upload = await findAdminUpload(uploadId);
  if (!(await rescanUpload(upload.id))) {
    const why = upload.status === "COMPLETE" ? "it was rejected and its bytes were deleted" : `it is ${upload.status.toLowerCase()}`;
    throw new HttpError({ code: "upload_not_ready", message: `This file cannot be scanned again: ${why}.` });
  }
  await recordAuditEvent({ actorId: adminId, action: "admin.rescan", target: upload.id, meta });
  return { upload: serializeAdminUpload(await findAdminUpload(uploadId)) };
}

/** An admin asks for every finished file to be processed again; a job walks them. */
export async function requestRescanOfAll(adminId: string, meta: RequestMeta) {
  await requestRescanAll(`asked by admin ${adminId}`);
  await recordAuditEvent({ actorId: adminId, action: "admin.rescan_all", meta });
  return { queued: true };
}
