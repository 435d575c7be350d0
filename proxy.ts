import { randomBytes } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { requestPageRefusal } from "@/app/r/[token]/request-page-guard";
import { contentSecurityPolicy, securityHeaders, SHARE_PAGE_POLICY } from "@/lib/security/security-headers";

/**
 * Security headers on every answer, with a fresh CSP nonce per request. Next.js reads the nonce
 * from the request's Content-Security-Policy header and puts it on its own scripts; pages render
 * per request (the root layout asks for the connection), so no page carries a stale nonce.
 * A request link's page whose link cannot take files is answered here, with its real status.
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const nonce = randomBytes(16).toString("base64");
  const refusal = await requestPageRefusal(pathname, request.headers.get("x-forwarded-for"));
  const headers = securityHeaders(pathname, nonce);
  if (refusal) headers["Content-Security-Policy"] = SHARE_PAGE_POLICY; // plain HTML without script, like a share page
  const response = refusal ?? next(request, nonce);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

function next(request: NextRequest, nonce: string): NextResponse {
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", contentSecurityPolicy(nonce));
  return NextResponse.next({ request: { headers } });
}
