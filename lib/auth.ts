import "server-only";
import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientIp } from "./client-ip";
import { db } from "./db";
import { env } from "./env";
import { HttpError } from "./errors";
import type { Role } from "./generated/prisma/enums";
import { verifyPassword } from "./password";
import { hit } from "./rate-limit";
import { signInSchema } from "./validations/account";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export const authOptions: NextAuthOptions = {
  secret: env.authSecret,
  // Credentials sign-in only works with JWT sessions; role and disabled state are therefore
  // never trusted from the token but re-read from the database on every request.
  session: { strategy: "jwt", maxAge: 7 * 24 * 3600 },
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
        const { email, password } = parsed.data;
        const ip = clientIp(req?.headers?.["x-forwarded-for"]) ?? "local";
        hit(`signin:${email}:${ip}`, { limit: 10, windowSeconds: 60 });
        // Per account too: guessing from many addresses must not multiply the attempts.
        hit(`signin-account:${email}`, { limit: 30, windowSeconds: 15 * 60 });
        const user = await db.user.findUnique({ where: { email } });
        const ok = await verifyPassword(user?.passwordHash, password);
        if (!user || !ok || user.disabledAt) return null;
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    session: ({ session, token }) => ({ ...session, user: { ...session.user, id: token.sub } }),
  },
};

/** The signed-in user as the database knows them now, or null (no session, deleted or disabled). */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const user = await db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true, role: true, disabledAt: true } });
  if (!user || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new HttpError({ code: "unauthenticated", message: "Sign in to continue." });
  return user;
}
