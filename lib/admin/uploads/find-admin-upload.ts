import { db } from "../../db";
import { notFound } from "../../errors";
import { adminUploadInclude, type AdminUploadRow } from "./serialize-admin-upload";

/** Any upload, whatever its owner or status, with its owner and reviewer; 404 for an unknown id. */
export async function findAdminUpload(uploadId: string): Promise<AdminUploadRow> {
  const upload = await db.upload.findUnique({ where: { id: uploadId }, include: adminUploadInclude });
  if (!upload) throw notFound("Upload");
  return upload;
}
