import { readTextPreview } from "@/lib/admin/uploads/read-text-preview";
import { adminRoute, json, parseParams } from "@/lib/http";
import { uploadIdSchema } from "@/lib/validations/upload";

export const GET = adminRoute(async ({ params }) => {
  const id = parseParams(uploadIdSchema, params.id, "Upload");
  return json(await readTextPreview(id), { headers: { "Cache-Control": "no-store" } });
});
