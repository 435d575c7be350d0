import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import { db } from "@/lib/db";
import { newUser, testPassword } from "../support/domain-helpers";
import { signInOverHttp } from "../support/next-auth-call";

// A cap this small shows itself with a handful of concurrent sign-ins.
vi.hoisted(() => {
  process.env.SIGNIN_LIMIT_PER_SECOND = "3";
});

const handler = (req: Request, context: { params: Promise<{ nextauth: string[] }> }) => (req.method === "GET" ? GET : POST)(req, context);
const from = (ip: string) => ({ "x-forwarded-for": ip });
const emailOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).email;
const signedIn = (answer: { status: number; body: string }) => answer.status === 200 && !answer.body.includes("error=");

describe("the server-wide cap on sign-in password checks", () => {
  it("refuses a burst of sign-ins with random e-mails beyond it, while an account's known address still gets in", async () => {
    const owner = await newUser("Owner");
    const email = await emailOf(owner);
    expect(signedIn(await signInOverHttp(handler, { email, password: testPassword }, from("192.0.2.10")))).toBe(true);

    const burst = await Promise.all(
      Array.from({ length: 15 }, (_, i) => signInOverHttp(handler, { email: `${randomUUID()}@flood.test`, password: "whatever it is" }, from(`198.51.100.${i + 1}`))),
    );
    const capped = burst.filter((answer) => decodeURIComponent(answer.body).includes("Too many requests"));
    // 15 tries within a second or two against 3 a second: most never reach argon2.
    expect(capped.length).toBeGreaterThanOrEqual(6);
    expect(burst.every((answer) => answer.status === 401)).toBe(true);
    // Not hashed, so not audited either: the refusals came before the password check.
    expect(await db.auditEvent.count({ where: { action: "account.signin_failed", data: { path: ["reason"], equals: "unknown_email" } } })).toBe(15 - capped.length);

    expect(signedIn(await signInOverHttp(handler, { email, password: testPassword }, from("192.0.2.10")))).toBe(true);
  });
});

describe("a database error inside authorize", () => {
  it("reaches the client as our own message, never the database's text", async () => {
    const email = await emailOf(await newUser("Broken"));
    await db.$executeRawUnsafe('ALTER TABLE "User" RENAME TO "User_elsewhere"');
    let answer;
    try {
      answer = await signInOverHttp(handler, { email, password: testPassword }, from("192.0.2.20"));
    } finally {
      await db.$executeRawUnsafe('ALTER TABLE "User_elsewhere" RENAME TO "User"');
    }
    const text = decodeURIComponent(answer.body);
    expect(answer.status).toBe(401);
    expect(text).toContain("error=Something went wrong on our side.");
    expect(text).not.toMatch(/User|table|prisma|does not exist|relation/i);
  });
});
