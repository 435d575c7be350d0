import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import { env } from "../env";
import { HttpError } from "../errors";
import type { RequestMeta } from "../http";
import { verifyPassword } from "../password";
import { forget, hit } from "../rate-limit";

/** Tries one address may make for one account: strict, whoever is trying; a right password clears them. */
export const SIGNIN_PER_ADDRESS = { limit: 10, windowSeconds: 15 * 60 };
/** Tries for one account from addresses it never signed in from; beyond them those addresses are refused. */
export const SIGNIN_PER_ACCOUNT = { limit: 30, windowSeconds: 15 * 60 };

/**
 * An address the account has not signed in from for this long is new again, and its row goes at
 * the account's next sign-in: the list stays as long as the addresses a person really uses.
 */
export const KNOWN_ADDRESS_DAYS = 90;

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  sessionVersion: number;
}

/**
 * Checks an e-mail and password, audited either way. Guessing an account from many addresses
 * slows down only the addresses it never signed in from: its owner, at an address they used
 * before, still gets in with the right password (an attacker cannot lock the admin out). Those
 * known addresses also skip the server-wide cap on password checks, so a flood of sign-ins with
 * random e-mails (each costs an argon2 hash, known or not, for equal timing) keeps no one out.
 */
export async function signIn({ email, password }: { email: string; password: string }, meta: RequestMeta): Promise<SignedInUser | null> {
  const addressKey = `signin:${email}:${meta.ip ?? "local"}`;
  await hit(addressKey, SIGNIN_PER_ADDRESS);
  const knownSince = new Date(Date.now() - KNOWN_ADDRESS_DAYS * 86_400_000);
  const user = await db.user.findUnique({ where: { email }, include: { signInAddresses: { where: { ip: meta.ip ?? "", lastSeenAt: { gte: knownSince } }, take: 1 } } });
  const knownAddress = meta.ip !== null && (user?.signInAddresses.length ?? 0) > 0;
  if (!knownAddress) {
    await hit(`signin-account:${email}`, SIGNIN_PER_ACCOUNT);
    await hit("signin-all", { limit: env.SIGNIN_LIMIT_PER_SECOND, windowSeconds: 1 });
  }
  const ok = await verifyPassword(user?.passwordHash, password);
  if (user && ok && !user.disabledAt) {
    await forget(addressKey, SIGNIN_PER_ADDRESS);
    if (meta.ip) {
      const where = { userId_ip: { userId: user.id, ip: meta.ip } };
      await db.signInAddress.upsert({ where, create: { userId: user.id, ip: meta.ip }, update: { lastSeenAt: new Date() } });
      await db.signInAddress.deleteMany({ where: { userId: user.id, lastSeenAt: { lt: knownSince } } });
    }
    await recordAuditEvent({ actorId: user.id, action: "account.signin", target: user.id, meta });
    return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
  }
  // A disabled account is named only after its password was right.
  const reason = !user ? "unknown_email" : !ok ? "wrong_password" : "disabled";
  await recordAuditEvent({ actorId: user?.id ?? null, action: "account.signin_failed", target: user?.id, data: { email, reason }, meta });
  if (reason === "disabled") throw new HttpError({ code: "account_disabled", message: "Your account has been disabled by an administrator. Ask them to enable it again." });
  return null;
}
