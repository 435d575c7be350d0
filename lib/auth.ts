import "server-only";
import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { closeSession, openSession } from "./accounts/server-sessions";
import { signIn } from "./accounts/sign-in";
import { clientIp } from "./client-ip";
import { db } from "./db";
import { env } from "./env";
import { toErrorResponse } from "./errors";
import { accountDisabled, notAnAdmin, notSignedIn } from "./access-refusals";
import type { Role } from "./generated/prisma/enums";
import { signInSchema } from "./validations/account";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 3600;

export const authOptions: NextAuthOptions = {
  secret: env.authSecret,
  // Credentials sign-in only works with JWT sessions; role and disabled state are therefore
  // never trusted from the token but re-read from the database on every request.
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/signin" },
  logger: {
    // A forged or stale session cookie is the visitor's problem, answered with 401; not a server error.
    error: (code, metadata) => code !== "JWT_SESSION_ERROR" && console.error(`[next-auth] ${code}`, metadata),
    warn: (code) => console.warn(`[next-auth] ${code}`),
    debug: () => {},
  },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const meta = { ip: clientIp(req?.headers?.["x-forwarded-for"]), userAgent: req?.headers?.["user-agent"]?.slice(0, 500) ?? null };
        try {
          return await signIn(parsed.data, meta);
        } catch (error) {
          // next-auth puts a thrown message in its answer (the error query, the JSON url), and the
          // sign-in form shows it: only our own messages may go there (a 429, a disabled account,
          // a busy database), never a database error's text with its host and query.
          throw new Error(toErrorResponse(error).body.error.message);
        }
      },
    }),
  ],
  callbacks: {
    // At sign-in the token gets the user's session version (raising it, by a password change or
    // reset, ends every session issued before) and the id of a new server-side session row
    // (deleting it, by signing out, ends this one session).
    jwt: async ({ token, user }) =>
      user ? { ...token, sv: (user as { sessionVersion?: number }).sessionVersion ?? 0, sid: await openSession(user.id, SESSION_MAX_AGE_SECONDS) } : token,
    session: ({ session, token }) => ({ ...session, user: { ...session.user, id: token.sub, sv: token.sv ?? 0, sid: token.sid } }),
  },
  events: {
    // next-auth only clears the cookie; a copy of it would still be a valid JWT.
    signOut: async ({ token }) => {
      if (typeof token?.sid === "string") await closeSession(token.sid);
    },
  },
};

type SessionAnswer = { user: SessionUser & { disabled: boolean } } | null;

/**
 * The session's user as the database knows them now, in one query (the session row with its
 * user); null without a session, for a signed-out, expired or ended session or a deleted account.
 */
async function readSession(): Promise<SessionAnswer> {
  const session = await getServerSession(authOptions);
  const claims = session?.user as { id?: string; sv?: number; sid?: unknown } | undefined;
  if (!claims?.id || typeof claims.sid !== "string") return null;
  const row = await db.session.findUnique({
    where: { id: claims.sid },
    select: { expiresAt: true, user: { select: { id: true, email: true, name: true, role: true, disabledAt: true, sessionVersion: true } } },
  });
  if (!row || row.expiresAt <= new Date() || row.user.id !== claims.id || row.user.sessionVersion !== (claims.sv ?? 0)) return null;
  const { user } = row;
  return { user: { id: user.id, email: user.email, name: user.name, role: user.role, disabled: user.disabledAt !== null } };
}

/** The signed-in user, or null (no session, deleted or disabled account, session ended). */
export async function getSessionUser(): Promise<SessionUser | null> {
  const answer = await readSession();
  if (!answer || answer.user.disabled) return null;
  const { disabled: _disabled, ...user } = answer.user;
  return user;
}

/** The signed-in user: 401 without a usable session, 403 for an account an admin disabled. */
export async function requireUser(): Promise<SessionUser> {
  const answer = await readSession();
  if (!answer) throw notSignedIn();
  if (answer.user.disabled) throw accountDisabled();
  const { disabled: _disabled, ...user } = answer.user;
  return user;
}

/** The signed-in admin: 401 / 403 account_disabled as requireUser, 403 forbidden for everyone else. */
export async function requireAdmin(): Promise<SessionUser> {
  const user = await requireUser();
  if (user.role !== "ADMIN") throw notAnAdmin();
  return user;
}
