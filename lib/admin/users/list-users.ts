import { db } from "../../db";
import { env } from "../../env";
import { invalidCursor } from "../../errors";
import { Prisma } from "../../generated/prisma/client";
import { likeLiteral } from "../../like-pattern";
import type { ListUsersInput } from "../../validations/admin-users";
import { type AdminUserRow, serializeAdminUser } from "./serialize-admin-user";

/** `q` as an ILIKE pattern matching it anywhere, its own % and _ taken literally. */
const containing = (q: string) => `%${likeLiteral(q)}%`;

/**
 * Users by e-mail, a page at a time; `nextCursor` is the id of the last user on the page. Usage
 * comes from the totals the database keeps on "User", and each user's latest audit event from
 * one index probe on AuditEvent(actorId, createdAt, id), made only for the page's users (the
 * LATERAL join runs after the LIMIT), so a page costs the same with millions of events.
 */
export async function listUsers({ q, cursor, limit }: ListUsersInput) {
  const after = cursor ? await db.user.findUnique({ where: { id: cursor }, select: { email: true } }) : null;
  if (cursor && !after) throw invalidCursor();

  const conditions: Prisma.Sql[] = [];
  if (after) conditions.push(Prisma.sql`u."email" > ${after.email}`);
  if (q) conditions.push(Prisma.sql`(u."email" ILIKE ${containing(q)} OR u."name" ILIKE ${containing(q)})`);
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;

  const rows = await db.$queryRaw<AdminUserRow[]>`
    SELECT page.*, latest."createdAt" AS "lastActiveAt"
    FROM (
      SELECT u."id", u."email", u."name", u."role", u."trusted", u."disabledAt", u."quotaBytes", u."storedBytes", u."storedFiles", u."createdAt"
      FROM "User" AS u ${where}
      ORDER BY u."email"
      LIMIT ${limit + 1}
    ) AS page
    LEFT JOIN LATERAL (
      SELECT a."createdAt" FROM "AuditEvent" AS a WHERE a."actorId" = page."id" ORDER BY a."createdAt" DESC, a."id" DESC LIMIT 1
    ) AS latest ON true
    ORDER BY page."email"`;
  const items = rows.slice(0, limit);
  return {
    items: items.map(serializeAdminUser),
    nextCursor: rows.length > limit ? items[items.length - 1].id : null,
    defaultQuotaBytes: env.DEFAULT_QUOTA_BYTES,
  };
}
