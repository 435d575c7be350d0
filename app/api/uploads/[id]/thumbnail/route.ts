import { parseParams, redirectTo, userRoute } from "@/lib/http";
import { presignThumbnail } from "@/lib/processing/presign-thumbnail";
import { findOwnUpload } from "@/lib/uploads/find-own-upload";
import { uploadIdSchema } from "@/lib/validations/upload";

/** 302 to a presigned GET of the thumbnail of the caller's own image; 404 when there is none. */
export const GET = userRoute(async ({ params, user }) => {
  const id = parseParams(uploadIdSchema, params.id, "Upload");
  return redirectTo(await presignThumbnail(await findOwnUpload(user.id, id)));
});
