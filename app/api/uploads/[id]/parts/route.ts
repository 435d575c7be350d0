import { json, parseParams, readJson, userRoute } from "@/lib/http";
import { listUploadParts } from "@/lib/uploads/list-upload-parts";
import { signParts } from "@/lib/uploads/sign-parts";
import { signPartsSchema, uploadIdSchema } from "@/lib/validations/upload";

export const POST = userRoute(
  async ({ req, params, user }) => {
    const id = parseParams(uploadIdSchema, params.id, "Upload");
    const input = await readJson(req, signPartsSchema);
    return json(await signParts(user.id, id, input));
  },
  { rateLimit: { name: "uploads:sign", limit: 1200, windowSeconds: 60 } },
);

export const GET = userRoute(async ({ params, user }) => {
  const id = parseParams(uploadIdSchema, params.id, "Upload");
  return json(await listUploadParts(user.id, id));
});
