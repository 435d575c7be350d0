import { previewUpload } from "@/lib/admin/uploads/preview-upload";
import { adminRoute, parseParams, redirectTo } from "@/lib/http";
import { uploadIdSchema } from "@/lib/validations/upload";

/** 302 to a 5-minute presigned GET that shows the file inline (images, audio, video, PDF). */
export const GET = adminRoute(async ({ params }) => {
  const id = parseParams(uploadIdSchema, params.id, "Upload");
  return redirectTo(await previewUpload(id));
});
