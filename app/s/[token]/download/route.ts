import { shareErrorPage } from "@/components/share/share-responses";
import { type BaseContext, type ErrorAnswer, publicRoute, readForm, redirectTo } from "@/lib/http";
import { describeShareLink } from "@/lib/links/describe-share-link";
import { redeemShareLink } from "@/lib/links/redeem-share-link";
import { linkAccess } from "../link-access";

// A browser (the page's form) gets its errors as a page; scripts and API clients get JSON.
async function errorPage(error: ErrorAnswer, ctx: BaseContext) {
  return ctx.req.headers.get("accept")?.includes("text/html") ? shareErrorPage(error, ctx) : null;
}

const options = { ...linkAccess, errorPage };

/** 302 to a presigned GET that lives 60 seconds; the link itself is checked on every use. */
export const GET = publicRoute(async ({ params, meta }) => redirectTo((await redeemShareLink(String(params.token), undefined, meta)).url), options);

/** Link checkers send HEAD, which Next would answer by running GET and so use up a download: check the link, count nothing. */
export const HEAD = publicRoute(async ({ params }) => {
  await describeShareLink(String(params.token));
  return new Response(null, { status: 200, headers: { "Cache-Control": "no-store" } });
}, linkAccess);

/** The page's form posts here, so the password never goes into a URL. */
export const POST = publicRoute(async ({ req, params, meta }) => {
  const password = (await readForm(req)).get("password") ?? undefined;
  return redirectTo((await redeemShareLink(String(params.token), password, meta)).url);
}, options);
