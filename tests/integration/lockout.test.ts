import { hash } from "@node-rs/argon2";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as createLinkRoute } from "@/app/api/uploads/[id]/links/route";
import { KNOWN_ADDRESS_DAYS, SIGNIN_PER_ACCOUNT, SIGNIN_PER_ADDRESS } from "@/lib/accounts/sign-in";
import { authOptions } from "@/lib/auth";
import { db } from "@/lib/db";
import { HttpError } from "@/lib/errors";
import { TRIES_PER_ADDRESS, TRIES_PER_ADDRESS_UNDER_ATTACK, TRIES_PER_LINK } from "@/lib/links/admit-password-try";
import { createShareLink } from "@/lib/links/create-share-link";
import { redeemShareLink } from "@/lib/links/redeem-share-link";
import { createUploadSlot } from "@/lib/uploads/create-upload-slot";
import { meta, newUser, testPassword } from "../support/domain-helpers";
import { callRoute, errorCode } from "../support/route-call";
import { sessionFor } from "../support/session-cookie";

// Guesses here come in bursts: the server-wide cap on password checks is another test's subject.
vi.hoisted(() => {
  process.env.SIGNIN_LIMIT_PER_SECOND = "100000";
});
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; sv?: number; sid?: string } } }));
vi.mock("next-auth", async (original) => ({ ...(await original<typeof import("next-auth")>()), getServerSession: async () => session.current }));

const authorize = (credentials: Record<string, string>, headers: Record<string, string> = {}) =>
  (authOptions.providers[0] as unknown as { options: { authorize: (c: Record<string, string>, r: unknown) => Promise<unknown> } }).options.authorize(credentials, { headers });

/** A sign-in as it arrives: the address is the right-most X-Forwarded-For entry, which a client can write itself today. */
const signInFrom = (ip: string, email: string, password: string) =>
  authorize({ email, password }, { "x-forwarded-for": ip }).then(
    (user) => (user ? "signed in" : "refused"),
    (error: Error) => (error.message.startsWith("Too many requests") ? "429" : error.message),
  );

// The counting is under test, not argon2: passwords here are hashed at argon2's lowest cost
// (a hash carries its own parameters), so a hundred guesses take milliseconds, not seconds.
const cheapHash = (password: string) => hash(password, { memoryCost: 8, timeCost: 1, parallelism: 1 });

/** A fresh account with a cheaply hashed testPassword; returns its e-mail. */
async function newAccount(name: string, role: "USER" | "ADMIN" = "USER"): Promise<string> {
  const user = await db.user.update({ where: { id: await newUser(name) }, data: { role, passwordHash: await cheapHash(testPassword) } });
  return user.email;
}
const failures = (email: string) => db.auditEvent.count({ where: { action: "account.signin_failed", data: { path: ["email"], equals: email } } });

describe("sign-in failures", () => {
  it("are counted per account and address strictly: that address is refused, even with the right password, others are not", async () => {
    const email = await newAccount("Target");
    for (let i = 0; i < SIGNIN_PER_ADDRESS.limit; i++) expect(await signInFrom("203.0.113.7", email, `guess ${i}`)).toBe("refused");
    expect(await signInFrom("203.0.113.7", email, testPassword)).toBe("429");
    expect(await signInFrom("203.0.113.8", email, testPassword)).toBe("signed in");
  });

  it("a right password clears its address's failures", async () => {
    const email = await newAccount("Forgetful");
    for (let i = 0; i < SIGNIN_PER_ADDRESS.limit - 1; i++) await signInFrom("203.0.113.9", email, `typo ${i}`);
    expect(await signInFrom("203.0.113.9", email, testPassword)).toBe("signed in");
    for (let i = 0; i < SIGNIN_PER_ADDRESS.limit; i++) expect(await signInFrom("203.0.113.9", email, `typo again ${i}`)).toBe("refused");
  });
});

describe("the admin's well-known e-mail", () => {
  it("cannot be locked: after guesses from many forged addresses, the admin still signs in from an address they used before", async () => {
    const email = await newAccount("Admin", "ADMIN");
    // Signing in from an address new to the account counts as a try for the account too.
    expect(await signInFrom("192.0.2.1", email, testPassword)).toBe("signed in");

    // Each guess from its own forged address, so no per-address limit is ever reached.
    const guesses = SIGNIN_PER_ACCOUNT.limit + 20;
    const answers = await Promise.all(Array.from({ length: guesses }, (_, i) => signInFrom(`198.51.100.${i + 1}`, email, `guess ${i}`)));
    expect(answers.filter((answer) => answer === "refused")).toHaveLength(SIGNIN_PER_ACCOUNT.limit - 1);
    expect(answers.filter((answer) => answer === "429")).toHaveLength(21);
    // The guesses beyond the threshold never reached a password check.
    expect(await failures(email)).toBe(SIGNIN_PER_ACCOUNT.limit - 1);

    expect(await signInFrom("198.51.100.250", email, "one more guess")).toBe("429");
    // The price: the right password from an address new to the account waits too.
    expect(await signInFrom("203.0.113.99", email, testPassword)).toBe("429");
    expect(await signInFrom("192.0.2.1", email, testPassword)).toBe("signed in");
    expect(await db.signInAddress.count({ where: { user: { email } } })).toBe(1);
  });

  it("forgets an address unused for the known-address period: it is new again, and its row goes at the next sign-in", async () => {
    const email = await newAccount("Traveller");
    expect(await signInFrom("192.0.2.50", email, testPassword)).toBe("signed in");
    expect(await signInFrom("192.0.2.51", email, testPassword)).toBe("signed in");
    const stale = new Date(Date.now() - (KNOWN_ADDRESS_DAYS + 1) * 86_400_000);
    await db.signInAddress.updateMany({ where: { user: { email }, ip: "192.0.2.50" }, data: { lastSeenAt: stale } });

    // Under the account-wide slowdown only known addresses get in: the stale one no longer does.
    await Promise.all(Array.from({ length: SIGNIN_PER_ACCOUNT.limit }, (_, i) => signInFrom(`198.51.100.${i + 1}`, email, `guess ${i}`)));
    expect(await signInFrom("192.0.2.50", email, testPassword)).toBe("429");
    expect(await signInFrom("192.0.2.51", email, testPassword)).toBe("signed in");
    expect((await db.signInAddress.findMany({ where: { user: { email } }, select: { ip: true } })).map((row) => row.ip)).toEqual(["192.0.2.51"]);
  });
});

describe("a share link's password", () => {
  let alice: string;
  let fileId: string;

  beforeAll(async () => {
    alice = await newUser("Alice");
    // Finished by hand: the password checks happen before any byte is read.
    const slot = await createUploadSlot(alice, { name: "plan.txt", type: "text/plain", size: 10 }, meta);
    await db.upload.update({ where: { id: slot.upload.id }, data: { status: "COMPLETE", completedAt: new Date() } });
    fileId = slot.upload.id;
  });

  const tryPassword = (token: string, password: string, ip: string) =>
    redeemShareLink(token, password, { ip, userAgent: "test" }).then(
      () => "downloaded",
      (error: HttpError) => error.code,
    );

  it("cannot be locked by a token holder hammering wrong ones: the recipient with the right password gets in", async () => {
    const { url, link } = await createShareLink(alice, fileId, { expiresInSeconds: 3600, password: "the right one" }, meta);
    await db.shareLink.update({ where: { id: link.id }, data: { passwordHash: await cheapHash("the right one") } });
    const token = new URL(url).pathname.split("/").at(-1) ?? "";

    // From one address: strict.
    for (let i = 0; i < TRIES_PER_ADDRESS; i++) expect(await tryPassword(token, `guess ${i}`, "203.0.113.50")).toBe("wrong_password");
    expect(await tryPassword(token, "the right one", "203.0.113.50")).toBe("rate_limited");

    // From many forged addresses, well past the link-wide count.
    const addresses = Array.from({ length: Math.ceil(TRIES_PER_LINK / TRIES_PER_ADDRESS) }, (_, i) => `198.51.100.${i + 1}`);
    await Promise.all(addresses.map(async (ip) => Promise.all(Array.from({ length: TRIES_PER_ADDRESS }, (_, i) => tryPassword(token, `guess ${ip} ${i}`, ip)))));

    // Every address is now held to its first few tries: guessing from a new one stays slow ...
    for (let i = 0; i < TRIES_PER_ADDRESS_UNDER_ATTACK - 1; i++) expect(await tryPassword(token, `late guess ${i}`, "203.0.113.60")).toBe("wrong_password");
    expect(await tryPassword(token, "the right one", "203.0.113.60")).toBe("downloaded");
    expect(await tryPassword(token, "late guess", "203.0.113.60")).toBe("rate_limited");
    // ... and the recipient, at an address of their own, gets in at the first try.
    expect(await tryPassword(token, "the right one", "192.0.2.77")).toBe("downloaded");
  });

  it("must have at least 8 characters (422, nothing created)", async () => {
    session.current = await sessionFor(alice);
    const before = await db.shareLink.count();
    const response = await callRoute(createLinkRoute, "POST", `/api/uploads/${fileId}/links`, { params: { id: fileId }, body: { expiresInSeconds: 3600, password: "1234567" } });
    expect([response.status, await errorCode(response)]).toEqual([422, "validation_failed"]);
    expect((await response.json()).error.message).toBe("password: Use at least 8 characters for a link password.");
    expect(await db.shareLink.count()).toBe(before);
  });
});
