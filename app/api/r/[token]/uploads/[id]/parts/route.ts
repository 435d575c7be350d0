import { json, publicRoute, readJson } from "@/lib/http";
import { findGuestUpload } from "@/lib/requests/find-guest-upload";
import { GUEST_ADDRESS_LIMIT } from "@/lib/requests/find-upload-request";
import { openMultipart } from "@/lib/uploads/find-open-multipart";
import { listSlotParts } from "@/lib/uploads/list-upload-parts";
import { signSlotParts } from "@/lib/uploads/sign-parts";
import { signPartsSchema } from "@/lib/validations/upload";

export const POST = publicRoute(
  async ({ req, params }) => {
    const upload = await findGuestUpload(params.token, params.id, req.headers.get("x-upload-key"));
    const input = await readJson(req, signPartsSchema);
    return json(await signSlotParts(openMultipart(upload), input));
  },
  { rateLimit: GUEST_ADDRESS_LIMIT },
);

export const GET = publicRoute(
  async ({ req, params }) => json(await listSlotParts(openMultipart(await findGuestUpload(params.token, params.id, req.headers.get("x-upload-key"))))),
  { rateLimit: GUEST_ADDRESS_LIMIT },
);
