import { json, readJson, userRoute } from "@/lib/http";
import { createUploadRequest } from "@/lib/requests/create-upload-request";
import { listUploadRequests } from "@/lib/requests/list-upload-requests";
import { createRequestSchema, listRequestsSchema } from "@/lib/validations/request";

export const GET = userRoute(async ({ req, user }) => {
  const query = listRequestsSchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  return json(await listUploadRequests(user.id, query));
});

export const POST = userRoute(
  async ({ req, user, meta }) => {
    const input = await readJson(req, createRequestSchema);
    return json(await createUploadRequest(user.id, input, meta), { status: 201 });
  },
  { rateLimit: { name: "requests:create", limit: 60, windowSeconds: 60 } },
);
