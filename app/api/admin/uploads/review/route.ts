import { decideReviews } from "@/lib/admin/uploads/decide-reviews";
import { notFound } from "@/lib/errors";
import { adminRoute, json, readJson } from "@/lib/http";
import { bulkReviewSchema } from "@/lib/validations/admin-uploads";

export const POST = adminRoute(async ({ req, user, meta }) => {
  return json(await decideReviews(user.id, await readJson(req, bulkReviewSchema), meta));
});

// This static segment shadows /api/admin/uploads/[id] for the id "review": answer what that route
// answers for a malformed id, not Next's empty 405.
export const GET = adminRoute(async () => {
  throw notFound("Upload");
});
