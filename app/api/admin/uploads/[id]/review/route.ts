import { decideReview } from "@/lib/admin/uploads/decide-review";
import { adminRoute, json, parseParams, readJson } from "@/lib/http";
import { reviewSchema } from "@/lib/validations/admin-uploads";
import { uploadIdSchema } from "@/lib/validations/upload";

export const POST = adminRoute(async ({ req, params, user, meta }) => {
  const id = parseParams(uploadIdSchema, params.id, "Upload");
  return json(await decideReview(user.id, id, await readJson(req, reviewSchema), meta));
});
