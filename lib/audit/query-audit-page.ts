import { db } from "../db";
import { Prisma } from "../generated/prisma/client";

/** Resolved filters: `actorId` instead of an id-or-email, `actionPrefix` for "link.". */
export interface AuditFilter {
  actorId?: string;
  action?: string;
  actionPrefix?: string;
  target?: string;
  from?: Date;
  to?: Date;
}

/** Where a page starts: the last row of the previous one. */
export interface AuditPosition {
  createdAt: Date;
  id: string;
}

export interface AuditRow extends AuditPosition {
  actorId: string | null;
  actorEmail: string | null;
  actorName: string | null;
  action: string;
  target: string | null;
  ip: string | null;
  userAgent: string | null;
  data: Prisma.JsonValue;
}

// Prisma keeps UTC in "timestamp without time zone"; a typed literal keeps the session's time zone out of it.
const timestamp = (date: Date) => Prisma.sql`${date.toISOString().slice(0, 23)}::timestamp`;

function conditions(filter: AuditFilter, after: AuditPosition | null): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (filter.actorId !== undefined) where.push(Prisma.sql`e."actorId" = ${filter.actorId}`);
  if (filter.action !== undefined) where.push(Prisma.sql`e."action" = ${filter.action}`);
  if (filter.actionPrefix !== undefined) where.push(Prisma.sql`starts_with(e."action", ${filter.actionPrefix})`);
  if (filter.target !== undefined) where.push(Prisma.sql`e."target" = ${filter.target}`);
  if (filter.from) where.push(Prisma.sql`e."createdAt" >= ${timestamp(filter.from)}`);
  if (filter.to) where.push(Prisma.sql`e."createdAt" < ${timestamp(filter.to)}`);
  if (after) where.push(Prisma.sql`(e."createdAt", e."id") < (${timestamp(after.createdAt)}, ${after.id})`);
  return where;
}

const whereClause = (where: Prisma.Sql[]) => (where.length ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty);

/**
 * The newest `limit` events matching, each walked from one index in (createdAt, id) order and
 * stopped after `limit` rows. An action prefix covers several actions, whose index entries are not
 * in time order across actions: alone, it walks each matching action's own range (the actions
 * found by skipping through the index, a probe per distinct action) and merges the short lists.
 * With an actor or target the far narrower index of those serves it instead.
 */
function pageQuery(filter: AuditFilter, after: AuditPosition | null, limit: number): Prisma.Sql {
  const order = Prisma.sql`ORDER BY "createdAt" DESC, "id" DESC LIMIT ${limit}`;
  if (filter.actionPrefix === undefined || filter.actorId !== undefined || filter.target !== undefined) {
    return Prisma.sql`SELECT e.* FROM "AuditEvent" e ${whereClause(conditions(filter, after))} ${order}`;
  }
  const perAction = conditions({ ...filter, actionPrefix: undefined }, after);
  return Prisma.sql`
    WITH RECURSIVE actions AS (
      SELECT min("action") AS action FROM "AuditEvent"
      UNION ALL
      SELECT (SELECT min(x."action") FROM "AuditEvent" x WHERE x."action" > a.action) FROM actions a WHERE a.action IS NOT NULL
    )
    SELECT p.* FROM actions a
    CROSS JOIN LATERAL (SELECT e.* FROM "AuditEvent" e WHERE e."action" = a.action ${perAction.length ? Prisma.sql`AND ${Prisma.join(perAction, " AND ")}` : Prisma.empty} ${order}) p
    WHERE starts_with(a.action, ${filter.actionPrefix})
    ${order}`;
}

/** One page of events, newest first, with their actors (looked up per row of the page, never joined against all users). */
export function queryAuditPage(filter: AuditFilter, after: AuditPosition | null, limit: number): Promise<AuditRow[]> {
  return db.$queryRaw<AuditRow[]>`
    SELECT p."id", p."createdAt", p."actorId", u."email" AS "actorEmail", u."name" AS "actorName", p."action", p."target", p."ip", p."userAgent", p."data"
    FROM (${pageQuery(filter, after, limit)}) p
    LEFT JOIN LATERAL (SELECT "email", "name" FROM "User" WHERE "id" = p."actorId" LIMIT 1) u ON true
    ORDER BY p."createdAt" DESC, p."id" DESC`;
}
