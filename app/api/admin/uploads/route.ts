import { listReviewQueue } from "@/lib/admin/uploads/list-review-queue";
import { adminRoute, json } from "@/lib/http";
import { reviewQueueQuerySchema } from "@/lib/validations/admin-uploads";

export const GET = adminRoute(async ({ req }) => {
  const query = reviewQueueQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  return json(await listReviewQueue(query));
});
