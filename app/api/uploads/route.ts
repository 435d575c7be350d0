import { json, readJson, userRoute } from "@/lib/http";
import { createUploadSlot } from "@/lib/uploads/create-upload-slot";
import { listUploads } from "@/lib/uploads/list-uploads";
import { createUploadSchema, listUploadsSchema } from "@/lib/validations/upload";

export const GET = userRoute(async ({ req, user }) => {
  const query = listUploadsSchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  return json(await listUploads(user.id, query));
});

export const POST = userRoute(
  async ({ req, user, meta }) => {
    const input = await readJson(req, createUploadSchema);
    return json(await createUploadSlot(user.id, input, meta), { status: 201 });
  },
  { rateLimit: { name: "uploads:create", limit: 600, windowSeconds: 60 } },
);
