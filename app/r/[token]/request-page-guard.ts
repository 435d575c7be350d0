import "server-only";
import { clientIp } from "@/lib/client-ip";
import { toErrorResponse } from "@/lib/errors";
import { hit } from "@/lib/rate-limit";
import { findOpenRequest, GUEST_ADDRESS_LIMIT } from "@/lib/requests/find-upload-request";
import { requestProblemPage } from "./request-problem-page";

const PAGE = /^\/r\/([^/]+)\/?$/;

/**
 * The status of a request link's page, decided before Next.js renders it: an App Router page can
 * only answer 200 or 404 (notFound), and this page must answer 410 and 429 too. null: the request
 * takes files, render the page. Otherwise the answer itself: a plain HTML page with the real
 * status saying why (unknown, expired, revoked, suspended, too many attempts). The same budgets
 * as the guest API: per address (as publicRoute counts it) and per link.
 */
export async function requestPageRefusal(pathname: string, forwardedFor: string | null): Promise<Response | null> {
  const token = PAGE.exec(pathname)?.[1];
  if (token === undefined) return null;
  try {
    await hit(`${GUEST_ADDRESS_LIMIT.name}:${clientIp(forwardedFor) ?? "local"}`, GUEST_ADDRESS_LIMIT);
    await findOpenRequest(token);
    return null;
  } catch (error) {
    const { status, body, headers } = toErrorResponse(error);
    return new Response(requestProblemPage(status, body.error.message).value, {
      status,
      headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "X-Robots-Tag": "noindex", "X-Frame-Options": "DENY", ...headers },
    });
  }
}
