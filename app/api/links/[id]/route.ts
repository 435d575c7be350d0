import { parseParams, userRoute } from "@/lib/http";
import { revokeShareLink } from "@/lib/links/manage-share-links";
import { linkIdSchema } from "@/lib/validations/link";

export const DELETE = userRoute(async ({ params, user, meta }) => {
  const id = parseParams(linkIdSchema, params.id, "Link");
  await revokeShareLink(user.id, id, meta);
  return new Response(null, { status: 204 });
});
