import { HttpError } from "@/lib/errors";
import { publicRoute } from "@/lib/http";
import { redeemShareLink } from "@/lib/links/redeem-share-link";

const linkAccess = { rateLimit: { name: "link", limit: 120, windowSeconds: 60 } };

/** 302 to a presigned GET that lives 60 seconds; the link itself is checked on every use. */
function redirect(url: string): Response {
  return new Response(null, { status: 302, headers: { Location: url, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
}

export const GET = publicRoute(async ({ params, meta }) => redirect((await redeemShareLink(String(params.token), undefined, meta)).url), linkAccess);

/** The password form posts here (form-encoded); the password never goes into a URL. */
export const POST = publicRoute(async ({ req, params, meta }) => {
  if (Number(req.headers.get("content-length") ?? 0) > 4096) throw new HttpError(413, "body_too_large", "The request body is too large.");
  const form = await req.formData().catch(() => {
    throw new HttpError(400, "invalid_form", "Send the password as a form field.");
  });
  const password = form.get("password");
  return redirect((await redeemShareLink(String(params.token), typeof password === "string" ? password : undefined, meta)).url);
}, linkAccess);
