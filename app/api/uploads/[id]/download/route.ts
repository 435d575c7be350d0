import { parseParams, redirectTo, userRoute } from "@/lib/http";
import { downloadOwnUpload } from "@/lib/uploads/download-own-upload";
import { uploadIdSchema } from "@/lib/validations/upload";

/** 302 to a presigned GET of the caller's own file; no share link needed. */
export const GET = userRoute(async ({ params, user, meta }) => {
  const id = parseParams(uploadIdSchema, params.id, "Upload");
  return redirectTo(await downloadOwnUpload(user.id, id, meta));
});
