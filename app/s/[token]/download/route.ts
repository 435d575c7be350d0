import { passwordRetryPage, shareErrorPage } from "../share-responses";
import type { ErrorCode } from "@/lib/error-codes";
import { HttpError } from "@/lib/errors";
import { type BaseContext, type ErrorAnswer, publicRoute, readForm, redirectTo } from "@/lib/http";
import { describeShareLink } from "@/lib/links/describe-share-link";
import { redeemShareLink } from "@/lib/links/redeem-share-link";
import { linkAccess } from "../link-access";

const PASSWORD_REFUSALS = new Set<ErrorCode>(["password_required", "wrong_password"]);

// A browser (the page's form) gets its errors as a page; scripts and API clients get JSON.
const wantsPage = (req: Request) => req.headers.get("accept")?.includes("text/html") ?? false;

async function errorPage(error: ErrorAnswer, { req }: BaseContext) {
  return wantsPage(req) ? shareErrorPage(error) : null;
}

const options = { ...linkAccess, errorPage };

/**
 * 302 to the file, or for a browser whose password is missing or wrong the form again. The form
 * is drawn here rather than by the error page hook, because redeeming has already counted this
 * request against the link's budget and drawing it there would count it a second time.
 */
async function download({ req, params, meta }: BaseContext, password: string | undefined): Promise<Response> {
  const token = String(params.token);
  try {
    return redirectTo((await redeemShareLink(token, password, meta)).url);
  } catch (error) {
    const refused = wantsPage(req) && error instanceof HttpError && PASSWORD_REFUSALS.has(error.code);
    const retry = refused ? await passwordRetryPage(token, error) : null;
    if (retry) return retry;
    throw error;
  }
}

/** 302 to a presigned GET that lives 60 seconds; the link itself is checked on every use. */
export const GET = publicRoute((ctx) => download(ctx, undefined), options);

/** Link checkers send HEAD, which Next would answer by running GET and so use up a download: check the link, count nothing. */
export const HEAD = publicRoute(async ({ params }) => {
  await describeShareLink(String(params.token));
  return new Response(null, { status: 200, headers: { "Cache-Control": "no-store" } });
}, linkAccess);

/** The page's form posts here, so the password never goes into a URL. */
export const POST = publicRoute(async (ctx) => download(ctx, (await readForm(ctx.req)).get("password") ?? undefined), options);
