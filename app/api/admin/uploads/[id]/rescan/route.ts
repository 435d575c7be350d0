import { requestRescan } from "@/lib/admin/uploads/request-rescan";
import { adminRoute, json, parseParams } from "@/lib/http";
import { uploadIdSchema } from "@/lib/validations/upload";

/** 202: the file is queued for processing again. */
export const POST = adminRoute(async ({ params, user, meta }) => {
  const id = parseParams(uploadIdSchema, params.id, "Upload");
  return json(await requestRescan(user.id, id, meta), { status: 202 });
});
