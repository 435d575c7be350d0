import { randomBytes } from "node:crypto";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { db } from "../../db";
import { notFound } from "../../errors";
import type { RequestMeta } from "../../http";
import { hashPassword } from "../../password";
import { lockActingAdmin } from "../lock-acting-admin";

/**
 * POST /api/admin/users/:id/password: a new random password (144 bits, 24 base64url characters),
 * returned once and never stored or logged in clear. Raising the session version ends every
 * session of the user, so whoever knew the old password is signed out too.
 */
export async function resetPassword(adminId: string, userId: string, meta: RequestMeta) {
  const password = randomBytes(18).toString("base64url");
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    await lockActingAdmin(tx, adminId, [userId]);
    const { count } = await tx.user.updateMany({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    if (count === 0) throw notFound("User");
    await recordAuditEvent({ actorId: adminId, action: "admin.password_reset", target: userId, meta }, tx);
  });
  return { password };
}
