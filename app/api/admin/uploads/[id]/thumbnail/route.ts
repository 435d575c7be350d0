import { findAdminUpload } from "@/lib/admin/uploads/find-admin-upload";
import { adminRoute, parseParams, redirectTo } from "@/lib/http";
import { presignThumbnail } from "@/lib/processing/presign-thumbnail";
import { uploadIdSchema } from "@/lib/validations/upload";

/** 302 to a presigned GET of any upload's thumbnail; 404 when there is none. */
export const GET = adminRoute(async ({ params }) => {
  const id = parseParams(uploadIdSchema, params.id, "Upload");
  return redirectTo(await presignThumbnail(await findAdminUpload(id)));
});
