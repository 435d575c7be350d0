import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { env } from "@/lib/env";

// Session cookies an attacker can make without the server's secret, or keep after they stopped
// being valid. Every one must be read as no session at all.

const COOKIE = "next-auth.session-token";
const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

export const FORGED_COOKIES: Record<string, (userId: string) => Promise<string>> = {
  "signed with another secret": async (sub) => `${COOKIE}=${await encode({ token: { sub, sv: 0 }, secret: "another-secret-of-at-least-32-characters" })}`,
  "expired an hour ago": async (sub) => `${COOKIE}=${await encode({ token: { sub, sv: 0 }, secret: env.authSecret, maxAge: -3600 })}`,
  "from before a password change": async (sub) => `${COOKIE}=${await encode({ token: { sub, sv: -1 }, secret: env.authSecret })}`,
  "of an account that does not exist": async () => `${COOKIE}=${await encode({ token: { sub: randomUUID(), sv: 0 }, secret: env.authSecret })}`,
  "an unsigned JWT (alg none)": async (sub) => `${COOKIE}=${base64url({ alg: "none", typ: "JWT" })}.${base64url({ sub, sv: 0 })}.`,
  garbage: async () => `${COOKIE}=${"A".repeat(200)}`,
};
