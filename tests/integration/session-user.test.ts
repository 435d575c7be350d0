import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createAccount } from "@/lib/accounts/create-account";
import { authOptions, getSessionUser, requireAdmin, requireUser } from "@/lib/auth";
import { db } from "@/lib/db";
import { sessionFor, sessionOf, signedInCookie, tokenOf } from "../support/session-cookie";

// The JWT is only trusted for the user id: stand in for next-auth's cookie decoding and check
// that role and disabled state come from the database on every call.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; sv?: number; sid?: string } } }));
vi.mock("next-auth", async (original) => ({ ...(await original<typeof import("next-auth")>()), getServerSession: async () => session.current }));

const password = "correct horse battery";
async function newUser() {
  return createAccount({ email: `${randomUUID()}@test.local`, password, name: "Pat" }, undefined);
}

const authorize = (credentials: Record<string, string>) =>
  (authOptions.providers[0] as unknown as { options: { authorize: (c: Record<string, string>, r: unknown) => Promise<unknown> } }).options.authorize(credentials, { headers: {} });

beforeEach(() => {
  session.current = null;
});

describe("session user", () => {
  it("is null without a session and for a deleted user", async () => {
    expect(await getSessionUser()).toBeNull();
    session.current = { user: { id: randomUUID(), sid: randomUUID() } };
    expect(await getSessionUser()).toBeNull();
    await expect(requireUser()).rejects.toMatchObject({ status: 401 });
  });

  it("picks up a role change and a disabled account on the very next request", async () => {
    const user = await newUser();
    session.current = await sessionFor(user.id);
    expect((await getSessionUser())?.role).toBe("USER");

    await db.user.update({ where: { id: user.id }, data: { role: "ADMIN" } });
    expect((await getSessionUser())?.role).toBe("ADMIN");

    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await getSessionUser()).toBeNull();
    await expect(requireUser()).rejects.toMatchObject({ status: 403, code: "account_disabled" });
    await expect(requireAdmin()).rejects.toMatchObject({ status: 403, code: "account_disabled" });

    await db.user.update({ where: { id: user.id }, data: { disabledAt: null, role: "USER" } });
    await expect(requireAdmin()).rejects.toMatchObject({ status: 403, code: "forbidden" });
  });

  it("ends a session issued before the user's session version was raised", async () => {
    const user = await newUser();
    session.current = await sessionFor(user.id, 0);
    expect((await getSessionUser())?.id).toBe(user.id);
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await getSessionUser()).toBeNull();
    await expect(requireUser()).rejects.toMatchObject({ status: 401 });
    session.current = await sessionFor(user.id, 1);
    expect((await getSessionUser())?.id).toBe(user.id);
  });

  it("signing out ends that one session on the server: its copied cookie stops working, another session of the user does not", async () => {
    const user = await newUser();
    const [laptop, phone] = [await signedInCookie(user.id), await signedInCookie(user.id)];
    const copied = laptop; // what an attacker lifted from the laptop
    session.current = (await sessionOf(copied)) as typeof session.current;
    expect((await requireUser()).id).toBe(user.id);

    // What next-auth's signout route does with the laptop's cookie, before it clears it.
    const signOut = authOptions.events?.signOut;
    await signOut?.({ token: (await tokenOf(laptop)) ?? {}, session: null as never });

    session.current = (await sessionOf(copied)) as typeof session.current;
    await expect(requireUser()).rejects.toMatchObject({ status: 401, code: "unauthenticated" });
    session.current = (await sessionOf(phone)) as typeof session.current;
    expect((await requireUser()).id).toBe(user.id);
  });

  it("refuses a token without a server-side session, one whose row belongs to someone else, and an expired row", async () => {
    const [user, other] = [await newUser(), await newUser()];
    session.current = { user: { id: user.id, sv: 0 } };
    expect(await getSessionUser()).toBeNull();
    session.current = { user: { id: user.id, sv: 0, sid: (await sessionFor(other.id)).user.sid } };
    expect(await getSessionUser()).toBeNull();
    const current = await sessionFor(user.id);
    session.current = current;
    expect((await getSessionUser())?.id).toBe(user.id);
    await db.session.update({ where: { id: current.user.sid }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await getSessionUser()).toBeNull();
  });

  it("signs in with the right password only, and never a disabled account", async () => {
    const user = await newUser();
    expect(await authorize({ email: user.email, password })).toMatchObject({ id: user.id });
    expect(await authorize({ email: user.email.toUpperCase(), password })).toMatchObject({ id: user.id });
    expect(await authorize({ email: user.email, password: "wrong password" })).toBeNull();
    expect(await authorize({ email: "nobody@test.local", password })).toBeNull();
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await authorize({ email: user.email, password: "wrong password" })).toBeNull();
    // The right password is told why: the account is disabled, not the password wrong.
    await expect(authorize({ email: user.email, password })).rejects.toThrow("disabled by an administrator");
  });

  it("stores passwords as argon2id hashes", async () => {
    const user = await newUser();
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(password);
  });
});
