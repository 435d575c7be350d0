import { json, publicRoute, readJson } from "@/lib/http";
import { createGuestUpload } from "@/lib/requests/create-guest-upload";
import { GUEST_ADDRESS_LIMIT } from "@/lib/requests/find-upload-request";
import { createGuestUploadSchema } from "@/lib/validations/request";

export const POST = publicRoute(
  async ({ req, params, meta }) => {
    const input = await readJson(req, createGuestUploadSchema);
    return json(await createGuestUpload(params.token, input, meta), { status: 201 });
  },
  { rateLimit: GUEST_ADDRESS_LIMIT },
);
