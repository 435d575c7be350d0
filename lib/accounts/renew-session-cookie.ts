import { encode, getToken } from "next-auth/jwt";
import { NextRequest, type NextResponse } from "next/server";
import { SESSION_MAX_AGE_SECONDS as maxAge } from "../auth";
import { env } from "../env";

// The name and attributes next-auth v4 gives its session cookie (defaultCookies in
// next-auth/core/lib/cookie.js), so that the renewed cookie replaces the one it set.
const secure = new URL(env.APP_URL).protocol === "https:";
const cookieName = `${secure ? "__Secure-" : ""}next-auth.session-token`;

/**
 * Sets the caller's session cookie on `response` again, its token now carrying `sessionVersion`:
 * after a password change raised the version, this session carries on while every other ends.
 * Without a session token nothing is set.
 */
export async function renewSessionCookie(req: Request, response: NextResponse, sessionVersion: number): Promise<void> {
  // Only the headers: the body has been read, and a Request cannot be built from a used one.
  const token = await getToken({ req: new NextRequest(req.url, { headers: req.headers }), secret: env.authSecret, secureCookie: secure, cookieName });
  if (!token) return;
  const value = await encode({ token: { ...token, sv: sessionVersion }, secret: env.authSecret, maxAge });
  response.cookies.set({ name: cookieName, value, httpOnly: true, sameSite: "lax", path: "/", secure, expires: new Date(Date.now() + maxAge * 1000) });
}
