import { db } from "../../db";
import { notFound } from "../../errors";
import { adminUserSelect, serializeAdminUser } from "./serialize-admin-user";

/** One user as the admin sees them (GET /api/admin/users/:id); 404 for an unknown id. */
export async function findAdminUser(userId: string) {
  const [user, latest] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: adminUserSelect }),
    db.auditEvent.findFirst({ where: { actorId: userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { createdAt: true } }),
  ]);
  if (!user) throw notFound("User");
  return serializeAdminUser({ ...user, lastActiveAt: latest?.createdAt ?? null });
}
