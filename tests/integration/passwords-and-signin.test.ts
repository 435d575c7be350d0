import { randomUUID } from "node:crypto";
import { decode, encode } from "next-auth/jwt";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as changePasswordRoute } from "@/app/api/account/password/route";
import { POST as resetPasswordRoute } from "@/app/api/admin/users/[id]/password/route";
import { createAccount } from "@/lib/accounts/create-account";
import { authOptions, requireUser } from "@/lib/auth";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { meta, newUser, testPassword } from "../support/domain-helpers";
import { must } from "../support/must";
import { callRoute, errorCode } from "../support/route-call";
import { sessionFor } from "../support/session-cookie";

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; sv?: number; sid?: string } } }));
vi.mock("next-auth", async (original) => ({ ...(await original<typeof import("next-auth")>()), getServerSession: async () => session.current }));

const authorize = (credentials: Record<string, string>, headers: Record<string, string> = {}) =>
  (authOptions.providers[0] as unknown as { options: { authorize: (c: Record<string, string>, r: unknown) => Promise<unknown> } }).options.authorize(credentials, { headers });

const emailOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).email;
const versionOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).sessionVersion;

/** The request of a signed-in user: the session next-auth would read, and its cookie. */
async function signedIn(id: string, sv: number) {
  session.current = await sessionFor(id, sv);
  const token = await encode({ token: { sub: id, email: await emailOf(id), sv }, secret: env.authSecret });
  return { cookie: `next-auth.session-token=${token}` };
}

const changePassword = (body: unknown, headers: Record<string, string>) => callRoute(changePasswordRoute, "POST", "/api/account/password", { body, headers });

let admin: string;

beforeAll(async () => {
  admin = await newUser("Admin");
  await db.user.update({ where: { id: admin }, data: { role: "ADMIN" } });
});

beforeEach(() => {
  session.current = null;
});

describe("an admin resetting a password", () => {
  it("answers a new password once: the old one stops working, the new one signs in, every session ends", async () => {
    const user = await newUser("Forgetful");
    const email = await emailOf(user);
    expect(await authorize({ email, password: testPassword })).toMatchObject({ id: user, sessionVersion: 0 });

    session.current = await sessionFor(admin);
    const response = await callRoute(resetPasswordRoute, "POST", `/api/admin/users/${user}/password`, { params: { id: user } });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const { password } = await response.json();
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);

    expect(await authorize({ email, password: testPassword })).toBeNull();
    expect(await authorize({ email, password })).toMatchObject({ id: user, sessionVersion: 1 });
    session.current = await sessionFor(user, 0);
    await expect(requireUser()).rejects.toMatchObject({ status: 401, code: "unauthenticated" });
    session.current = await sessionFor(user, 1);
    expect((await requireUser()).id).toBe(user);

    const rows = await db.auditEvent.findMany({ where: { action: "admin.password_reset", target: user } });
    expect(rows.map(({ actorId, data }) => ({ actorId, data }))).toEqual([{ actorId: admin, data: null }]);
    expect(JSON.stringify(await db.auditEvent.findMany())).not.toContain(password);
    expect((await db.user.findUniqueOrThrow({ where: { id: user } })).passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("answers 404 for an unknown user and changes nothing", async () => {
    session.current = await sessionFor(admin);
    const id = randomUUID();
    expect((await callRoute(resetPasswordRoute, "POST", `/api/admin/users/${id}/password`, { params: { id } })).status).toBe(404);
    expect(await db.auditEvent.count({ where: { action: "admin.password_reset", target: id } })).toBe(0);
  });
});

describe("changing one's own password", () => {
  it("needs the current password (403), then keeps this session with a new cookie and ends the others", async () => {
    const user = await newUser("Changer");
    const headers = await signedIn(user, 0);
    const wrong = await changePassword({ currentPassword: "not my password", newPassword: "a brand new password" }, headers);
    expect([wrong.status, await errorCode(wrong)]).toEqual([403, "wrong_password"]);
    const short = await changePassword({ currentPassword: testPassword, newPassword: "too short" }, headers);
    expect([short.status, await errorCode(short)]).toEqual([422, "validation_failed"]);
    expect(await versionOf(user)).toBe(0);

    const response = await changePassword({ currentPassword: testPassword, newPassword: "a brand new password" }, headers);
    expect(response.status).toBe(204);
    expect(await versionOf(user)).toBe(1);

    const cookie = must(response.headers.getSetCookie()[0], "a session cookie");
    expect(cookie).toMatch(/^next-auth\.session-token=[^;]+; /);
    expect(
      cookie
        .split("; ")
        .slice(1)
        .map((part) => part.split("=")[0].toLowerCase()),
    ).toEqual(expect.arrayContaining(["path", "expires", "httponly", "samesite"]));
    expect(cookie).toMatch(/; Path=\/(;|$)/);
    expect(cookie).toMatch(/; SameSite=lax/i);
    const token = await decode({ token: cookie.slice(cookie.indexOf("=") + 1, cookie.indexOf(";")), secret: env.authSecret });
    expect(token).toMatchObject({ sub: user, sv: 1 });

    session.current = await sessionFor(user, 0);
    await expect(requireUser()).rejects.toMatchObject({ status: 401 });
    session.current = await sessionFor(user, must(token, "token").sv as number);
    expect((await requireUser()).id).toBe(user);

    const email = await emailOf(user);
    expect(await authorize({ email, password: testPassword })).toBeNull();
    expect(await authorize({ email, password: "a brand new password" })).toMatchObject({ id: user });
    expect(await db.auditEvent.count({ where: { action: "account.password_change", actorId: user } })).toBe(1);
  });

  it("allows 10 tries per account per 10 minutes, then 429 even with the right password", async () => {
    const user = await newUser("Guesser");
    const headers = await signedIn(user, 0);
    for (let i = 0; i < 10; i++) expect((await changePassword({ currentPassword: `guess ${i}`, newPassword: "a brand new password" }, headers)).status).toBe(403);
    const limited = await changePassword({ currentPassword: testPassword, newPassword: "a brand new password" }, headers);
    expect([limited.status, await errorCode(limited)]).toEqual([429, "rate_limited"]);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await versionOf(user)).toBe(0);
  });

  it("answers 401 without a session", async () => {
    const response = await changePassword({ currentPassword: testPassword, newPassword: "a brand new password" }, {});
    expect([response.status, await errorCode(response)]).toEqual([401, "unauthenticated"]);
  });
});

describe("sign-in auditing", () => {
  const headers = { "x-forwarded-for": "6.6.6.6, 203.0.113.9", "user-agent": "test browser" };

  it("records a success with the account, the address and the browser", async () => {
    const user = await createAccount({ email: `${randomUUID()}@test.local`, password: testPassword, name: "Signer" }, meta);
    expect(await authorize({ email: user.email.toUpperCase(), password: testPassword }, headers)).toEqual({ id: user.id, email: user.email, name: "Signer", sessionVersion: 0 });
    const rows = await db.auditEvent.findMany({ where: { action: "account.signin", actorId: user.id } });
    expect(rows.map(({ target, ip, userAgent, data }) => ({ target, ip, userAgent, data }))).toEqual([
      { target: user.id, ip: "203.0.113.9", userAgent: "test browser", data: null },
    ]);
  });

  it("records each failure with its reason, the e-mail as typed (lowercased) and the account when there is one", async () => {
    const user = await createAccount({ email: `${randomUUID()}@test.local`, password: testPassword, name: "Failer" }, meta);
    const unknown = `Nobody-${randomUUID()}@Test.Local`;
    expect(await authorize({ email: unknown, password: testPassword }, headers)).toBeNull();
    expect(await authorize({ email: user.email, password: "wrong password" }, headers)).toBeNull();
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await authorize({ email: user.email, password: "wrong password" }, headers)).toBeNull();
    await expect(authorize({ email: user.email, password: testPassword }, headers)).rejects.toThrow("disabled by an administrator");

    const rows = await db.auditEvent.findMany({ where: { action: "account.signin_failed" }, orderBy: { createdAt: "asc" } });
    const mine = rows.filter((row) => [unknown.toLowerCase(), user.email].includes((row.data as { email: string }).email));
    expect(mine.map(({ actorId, target, ip, userAgent, data }) => ({ actorId, target, ip, userAgent, data }))).toEqual([
      { actorId: null, target: null, ip: "203.0.113.9", userAgent: "test browser", data: { email: unknown.toLowerCase(), reason: "unknown_email" } },
      { actorId: user.id, target: user.id, ip: "203.0.113.9", userAgent: "test browser", data: { email: user.email, reason: "wrong_password" } },
      { actorId: user.id, target: user.id, ip: "203.0.113.9", userAgent: "test browser", data: { email: user.email, reason: "wrong_password" } },
      { actorId: user.id, target: user.id, ip: "203.0.113.9", userAgent: "test browser", data: { email: user.email, reason: "disabled" } },
    ]);
    expect(await db.auditEvent.count({ where: { action: "account.signin", actorId: user.id } })).toBe(0);
  });
});
