import { publicRoute, readJson } from "@/lib/http";
import { checkRequestPassword } from "@/lib/requests/check-request-password";
import { GUEST_ADDRESS_LIMIT } from "@/lib/requests/find-upload-request";
import { requestPasswordSchema } from "@/lib/validations/request";

export const POST = publicRoute(
  async ({ req, params, meta }) => {
    const { password } = await readJson(req, requestPasswordSchema);
    await checkRequestPassword(params.token, password, meta);
    return new Response(null, { status: 204 });
  },
  { rateLimit: GUEST_ADDRESS_LIMIT },
);
