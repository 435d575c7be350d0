import { json, parseParams, userRoute } from "@/lib/http";
import { completeUpload } from "@/lib/uploads/complete-upload";
import { uploadIdSchema } from "@/lib/validations/upload";

export const POST = userRoute(async ({ params, user, meta }) => {
  const id = parseParams(uploadIdSchema, params.id, "Upload");
  return json({ upload: await completeUpload(user.id, id, meta) });
});
