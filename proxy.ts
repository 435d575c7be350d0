import { randomBytes } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, securityHeaders } from "@/lib/security/security-headers";

/**
 * Security headers on every answer, with a fresh CSP nonce per request. Next.js reads the nonce
 * from the request's Content-Security-Policy header and puts it on its own scripts; pages render
 * per request (the root layout asks for the connection), so no page carries a stale nonce.
 */
export function proxy(request: NextRequest) {
  const nonce = randomBytes(16).toString("base64");
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", contentSecurityPolicy(nonce));
  const response = NextResponse.next({ request: { headers } });
  for (const [name, value] of Object.entries(securityHeaders(request.nextUrl.pathname, nonce))) response.headers.set(name, value);
  return response;
}
