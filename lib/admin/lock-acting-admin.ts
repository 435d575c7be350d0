import { HttpError } from "../errors";
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
  if (!admin) throw new HttpError({ code: "unauthenticated", message: "Sign in to continue." });
  if (admin.disabledAt) throw new HttpError({ code: "account_disabled", message: "Your account has been disabled by an administrator." });
  if (admin.role !== "ADMIN") throw new HttpError({ code: "forbidden", message: "Only administrators can do this." });
}
