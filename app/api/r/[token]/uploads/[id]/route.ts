import { json, publicRoute } from "@/lib/http";
import { cancelGuestUpload } from "@/lib/requests/cancel-guest-upload";
import { findGuestUpload } from "@/lib/requests/find-guest-upload";
import { GUEST_ADDRESS_LIMIT } from "@/lib/requests/find-upload-request";
import { serializeGuestUpload } from "@/lib/requests/serialize-guest-upload";

export const GET = publicRoute(async ({ req, params }) => json({ upload: serializeGuestUpload(await findGuestUpload(params.token, params.id, req.headers.get("x-upload-key"))) }), {
  rateLimit: GUEST_ADDRESS_LIMIT,
});

export const DELETE = publicRoute(
  async ({ req, params, meta }) => {
    await cancelGuestUpload(await findGuestUpload(params.token, params.id, req.headers.get("x-upload-key")), meta);
    return new Response(null, { status: 204 });
  },
  { rateLimit: GUEST_ADDRESS_LIMIT },
);
