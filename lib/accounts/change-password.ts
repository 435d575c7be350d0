import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import { HttpError } from "../errors";
import type { RequestMeta } from "../http";
import { hashPassword, verifyPassword } from "../password";
import { hit } from "../rate-limit";
import type { ChangePasswordInput } from "../validations/account";

/**
 * The signed-in user's new password, once they proved they know the current one. Raising the
 * session version ends every session of the account; the caller's own session carries on under
 * the returned version (the route re-issues its cookie).
 */
export async function changePassword(userId: string, input: ChangePasswordInput, meta: RequestMeta): Promise<{ sessionVersion: number }> {
  // A stolen session must not become a way to guess the password it does not know.
  await hit(`password-change:${userId}`, { limit: 10, windowSeconds: 600 });
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new HttpError({ code: "wrong_password", message: "Your current password is not right." });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    const { sessionVersion } = await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
    await recordAuditEvent({ actorId: userId, action: "account.password_change", target: userId, meta }, tx);
    return { sessionVersion };
  });
}
