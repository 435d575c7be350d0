import { findAdminUpload } from "@/lib/admin/uploads/find-admin-upload";
import { serializeAdminUpload } from "@/lib/admin/uploads/serialize-admin-upload";
import { adminRoute, json, parseParams } from "@/lib/http";
import { uploadIdSchema } from "@/lib/validations/upload";

export const GET = adminRoute(async ({ params }) => {
  const id = parseParams(uploadIdSchema, params.id, "Upload");
  return json({ upload: serializeAdminUpload(await findAdminUpload(id)) });
});
