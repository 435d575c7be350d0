import { json, readJson, userRoute } from "@/lib/http";
import { deleteUploads } from "@/lib/uploads/delete-uploads";
import { deleteUploadsSchema } from "@/lib/validations/upload";

export const POST = userRoute(
  async ({ req, user, meta }) => {
    const { ids } = await readJson(req, deleteUploadsSchema);
    return json(await deleteUploads(user.id, ids, meta));
  },
  // Up to 100 files a call: a few calls a minute clear thousands of files, and no more than that.
  { rateLimit: { name: "uploads:delete", limit: 30, windowSeconds: 60 } },
);
