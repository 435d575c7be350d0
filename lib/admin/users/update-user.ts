import { recordAuditEvent } from "../../audit/record-audit-event";
import { db } from "../../db";
import { HttpError, notFound } from "../../errors";
import type { RequestMeta } from "../../http";
import type { UpdateUserInput } from "../../validations/admin-users";
import { lockActingAdmin } from "../lock-acting-admin";
import { findAdminUser } from "./find-admin-user";

type Setting = keyof UpdateUserInput;
const SETTINGS: Setting[] = ["role", "trusted", "disabled", "quotaBytes"];

/**
 * PATCH /api/admin/users/:id: role, trusted, disabled and quota. Disabling takes effect on the
 * user's next request and suspends their links, because both read `disabledAt` every time.
 * Only the settings that really change are written and audited, with their before and after.
 */
export async function updateUser(adminId: string, userId: string, patch: UpdateUserInput, meta: RequestMeta) {
  // Locking oneself out would leave the install without the admin who just did it.
  if (userId === adminId && (patch.disabled === true || patch.role === "USER")) {
    throw new HttpError({ code: "cannot_modify_self", message: "You cannot disable or demote your own account. Ask another administrator." });
  }
  await db.$transaction(async (tx) => {
    // Locked, so that two admins changing the same user at once each audit what they really changed.
    await lockActingAdmin(tx, adminId, [userId]);
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, trusted: true, disabledAt: true, quotaBytes: true } });
    if (!user) throw notFound("User");
    const before = { role: user.role, trusted: user.trusted, disabled: user.disabledAt !== null, quotaBytes: Number(user.quotaBytes) };
    const changed = SETTINGS.filter((setting) => patch[setting] !== undefined && patch[setting] !== before[setting]);
    if (changed.length === 0) return;
    await tx.user.update({
      where: { id: userId },
      data: {
        role: patch.role,
        trusted: patch.trusted,
        quotaBytes: patch.quotaBytes === undefined ? undefined : BigInt(patch.quotaBytes),
        ...(changed.includes("disabled") ? { disabledAt: patch.disabled ? new Date() : null } : {}),
      },
    });
    const values = (source: UpdateUserInput) => Object.fromEntries(changed.map((setting) => [setting, source[setting]]));
    await recordAuditEvent({ actorId: adminId, action: "admin.user_update", target: userId, data: { before: values(before), after: values(patch) }, meta }, tx);
  });
  return { user: await findAdminUser(userId) };
}
