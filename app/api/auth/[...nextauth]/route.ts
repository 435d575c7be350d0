import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions, getSessionUser } from "@/lib/auth";
import { parseJsonBytes, publicRoute, readBodyBytes } from "@/lib/http";

const nextAuth = NextAuth(authOptions);

/** Sign-in, sign-out and CSRF forms are a few hundred bytes; next-auth itself would read any body whole. */
const MAX_AUTH_BODY_BYTES = 16 * 1024;

/** next-auth's routes, behind a body cap (413 before next-auth parses anything) and a JSON check. */
const handler = publicRoute(async ({ req, params }) => {
  // next-auth answers from the JWT alone: a copied cookie whose session was ended (sign-out, a
  // password change, a disabled account) would still read as signed in. The server's view wins.
  if (req.method === "GET" && String(params.nextauth) === "session" && !(await getSessionUser())) return Response.json({}, { headers: { "Cache-Control": "no-store" } });
  const bytes = await readBodyBytes(req, MAX_AUTH_BODY_BYTES, "16 KiB");
  // next-auth parses a JSON body with req.json() and would answer a malformed one with a 500.
  if (req.headers.get("content-type")?.includes("application/json") && bytes.byteLength > 0) parseJsonBytes(bytes);
  // A NextRequest again (next-auth reads nextUrl), carrying the bytes already read.
  const forwarded = new NextRequest(req.url, { method: req.method, headers: req.headers, body: bytes.byteLength > 0 ? bytes : undefined });
  return nextAuth(forwarded, { params: Promise.resolve(params) });
});

export { handler as GET, handler as POST };
