import { json, parseParams, readJson, userRoute } from "@/lib/http";
import { createShareLink } from "@/lib/links/create-share-link";
import { listShareLinks } from "@/lib/links/manage-share-links";
import { createLinkSchema } from "@/lib/validations/link";
import { uploadIdSchema } from "@/lib/validations/upload";

export const POST = userRoute(
  async ({ req, params, user, meta }) => {
    const id = parseParams(uploadIdSchema, params.id, "Upload");
    const input = await readJson(req, createLinkSchema);
    return json(await createShareLink(user.id, id, input, meta), { status: 201 });
  },
  { rateLimit: { name: "links:create", limit: 120, windowSeconds: 60 } },
);

export const GET = userRoute(async ({ params, user }) => {
  const id = parseParams(uploadIdSchema, params.id, "Upload");
  return json(await listShareLinks(user.id, id));
});
