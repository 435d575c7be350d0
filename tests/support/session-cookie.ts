import { decode, encode, type JWT } from "next-auth/jwt";
import type { Session } from "next-auth";
import { openSession } from "@/lib/accounts/server-sessions";
import { authOptions, SESSION_MAX_AGE_SECONDS } from "@/lib/auth";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { must } from "./must";

const COOKIE = "next-auth.session-token";

/** A session cookie as next-auth issues it at sign-in: the token runs through the app's own jwt callback, so it carries the version current now. */
export async function signedInCookie(userId: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const jwt = must(authOptions.callbacks?.jwt, "the jwt callback");
  const signInUser = { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
  const token = await jwt({ token: { sub: user.id, email: user.email, name: user.name }, user: signInUser, account: null, trigger: "signIn" } as Parameters<typeof jwt>[0]);
  return `${COOKIE}=${await encode({ token, secret: env.authSecret })}`;
}

/** The cookie a response sets, as a request would send it back. */
export function cookieFrom(response: Response): string {
  const set = must(
    response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${COOKIE}=`)),
    "a session cookie",
  );
  return set.slice(0, set.indexOf(";"));
}

/** The token inside a session cookie, or null when it is not one this app signed. */
export async function tokenOf(cookie: string | null | undefined): Promise<JWT | null> {
  const value = cookie
    ?.split(/;\s*/)
    .find((part) => part.startsWith(`${COOKIE}=`))
    ?.slice(COOKIE.length + 1);
  return value ? decode({ token: value, secret: env.authSecret }) : null;
}

/** What getServerSession answers for a request carrying `cookie`: the decoded token through the app's session callback. */
export async function sessionOf(cookie: string | null | undefined): Promise<Session | null> {
  const token = await tokenOf(cookie);
  if (!token) return null;
  const callback = must(authOptions.callbacks?.session, "the session callback");
  const session = { user: { name: token.name, email: token.email }, expires: new Date(Date.now() + 3600_000).toISOString() };
  return callback({ session, token, user: undefined, newSession: undefined, trigger: "update" } as unknown as Parameters<typeof callback>[0]) as Promise<Session>;
}

/**
 * What getServerSession answers for `userId` signed in now: the claims the session callback
 * passes on, with a real server-side session row as sign-in opens one. `sv`: the session version
 * the token carries (the user's at sign-in, unless a test replays an older one).
 */
export async function sessionFor(userId: string, sv?: number): Promise<{ user: { id: string; sv: number; sid: string } }> {
  const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
  return { user: { id: userId, sv: sv ?? sessionVersion, sid: await openSession(userId, SESSION_MAX_AGE_SECONDS) } };
}
