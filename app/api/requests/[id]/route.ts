import { parseParams, userRoute } from "@/lib/http";
import { revokeUploadRequest } from "@/lib/requests/revoke-upload-request";
import { requestIdSchema } from "@/lib/validations/request";

export const DELETE = userRoute(async ({ params, user, meta }) => {
  const id = parseParams(requestIdSchema, params.id, "Upload request");
  await revokeUploadRequest(user.id, id, meta);
  return new Response(null, { status: 204 });
});
