import { shareErrorPage } from "@/components/share/share-responses";
import { HttpError } from "@/lib/errors";
import { type BaseContext, type ErrorAnswer, publicRoute, redirectTo } from "@/lib/http";
import { redeemShareLink } from "@/lib/links/redeem-share-link";
import { linkAccess } from "../link-access";

// A browser (the page's form) gets its errors as a page; scripts and API clients get JSON.
async function errorPage(error: ErrorAnswer, ctx: BaseContext) {
  return ctx.req.headers.get("accept")?.includes("text/html") ? shareErrorPage(error, ctx) : null;
}

const options = { ...linkAccess, errorPage };

const MAX_FORM_BYTES = 4096;

/** The password from the page's form (form-encoded), read with a byte cap whatever Content-Length says. */
async function formPassword(req: Request): Promise<string | undefined> {
  const tooLarge = new HttpError(413, "body_too_large", "The request body is too large.");
  if (Number(req.headers.get("content-length") ?? 0) > MAX_FORM_BYTES) throw tooLarge;
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_FORM_BYTES) throw tooLarge;
  const type = req.headers.get("content-type")?.split(";")[0].trim().toLowerCase();
  if (text && type !== "application/x-www-form-urlencoded") {
    throw new HttpError(415, "unsupported_media_type", "Send the password as a form field (application/x-www-form-urlencoded).");
  }
  return new URLSearchParams(text).get("password") ?? undefined;
}

/** 302 to a presigned GET that lives 60 seconds; the link itself is checked on every use. */
export const GET = publicRoute(async ({ params, meta }) => redirectTo((await redeemShareLink(String(params.token), undefined, meta)).url), options);

/** The page's form posts here, so the password never goes into a URL. */
export const POST = publicRoute(async ({ req, params, meta }) => {
  const password = await formPassword(req);
  return redirectTo((await redeemShareLink(String(params.token), password, meta)).url);
}, options);
