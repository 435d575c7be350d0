import { json, publicRoute } from "@/lib/http";
import { findGuestUpload } from "@/lib/requests/find-guest-upload";
import { GUEST_ADDRESS_LIMIT } from "@/lib/requests/find-upload-request";
import { serializeGuestUpload } from "@/lib/requests/serialize-guest-upload";
import { finishUpload } from "@/lib/uploads/complete-upload";

export const POST = publicRoute(
  async ({ req, params, meta }) => {
    const upload = await findGuestUpload(params.token, params.id, req.headers.get("x-upload-key"));
    return json({ upload: serializeGuestUpload(await finishUpload(upload, null, meta)) });
  },
  { rateLimit: GUEST_ADDRESS_LIMIT },
);
