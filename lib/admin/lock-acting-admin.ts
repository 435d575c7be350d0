import { accountDisabled, notAnAdmin, notSignedIn } from "../access-refusals";
import { Prisma } from "../generated/prisma/client";

/**
 * Locks the acting admin's row (with `others`, all in id order, so two admins changing each
 * other wait for one another instead of deadlocking) and checks again, inside the transaction
 * about to change something, that they still are an enabled admin: a request authorised before
 * a demotion or a disabling, whose body arrived after it, must not take effect.
 */
export async function lockActingAdmin(tx: Prisma.TransactionClient, adminId: string, others: string[] = []): Promise<void> {
  const ids = [...new Set([adminId, ...others])];
  const rows = await tx.$queryRaw<Array<{ id: string; role: string; disabledAt: Date | null }>>`
    SELECT "id", "role", "disabledAt" FROM "User" WHERE "id" IN (${Prisma.join(ids)}) ORDER BY "id" FOR UPDATE`;
  const admin = rows.find((row) => row.id === adminId);
  if (!admin) throw notSignedIn();
  if (admin.disabledAt) throw accountDisabled();
  if (admin.role !== "ADMIN") throw notAnAdmin();
}
