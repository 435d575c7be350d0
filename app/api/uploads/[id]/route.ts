import { json, parseParams, userRoute } from "@/lib/http";
import { deleteUpload } from "@/lib/uploads/delete-upload";
import { findOwnUpload } from "@/lib/uploads/find-own-upload";
import { serializeUpload } from "@/lib/uploads/serialize-upload";
import { uploadIdSchema } from "@/lib/validations/upload";

export const GET = userRoute(async ({ params, user }) => {
  const id = parseParams(uploadIdSchema, params.id, "Upload");
  return json({ upload: serializeUpload(await findOwnUpload(user.id, id)) });
});

export const DELETE = userRoute(async ({ params, user, meta }) => {
  const id = parseParams(uploadIdSchema, params.id, "Upload");
  await deleteUpload(user.id, id, meta);
  return new Response(null, { status: 204 });
});
