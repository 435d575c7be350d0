import { randomUUID } from "node:crypto";
import { createAccount } from "@/lib/accounts/create-account";
import { db } from "@/lib/db";
import { HttpError } from "@/lib/errors";

export const meta = { ip: "127.0.0.1", userAgent: "vitest" };
export const testPassword = "correct horse battery";

/** A fresh account (optionally with its own quota); returns its id. Its finished files wait for review (REVIEW_MODE=required). */
export async function newUser(name = "Test", quotaBytes?: number): Promise<string> {
  const user = await createAccount({ email: `${randomUUID()}@test.local`, password: testPassword, name }, meta);
  if (quotaBytes !== undefined) await db.user.update({ where: { id: user.id }, data: { quotaBytes: BigInt(quotaBytes) } });
  return user.id;
}

/** A fresh account an admin marked trusted: its finished files can be shared at once. */
export async function newTrustedUser(name = "Trusted"): Promise<string> {
  const id = await newUser(name);
  await db.user.update({ where: { id }, data: { trusted: true } });
  return id;
}

/** The HttpError a domain call is expected to throw. */
export async function rejection(promise: Promise<unknown>): Promise<HttpError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  throw new Error("expected an HttpError");
}
