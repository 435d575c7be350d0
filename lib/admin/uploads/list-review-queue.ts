import { db } from "../../db";
import { invalidCursor } from "../../errors";
import { Prisma } from "../../generated/prisma/client";
import { likeLiteral } from "../../like-pattern";
import type { ReviewState } from "../../generated/prisma/enums";
import type { ReviewFilter, ReviewQueueQuery } from "../../validations/admin-uploads";
import { adminUploadInclude, serializeAdminUpload } from "./serialize-admin-upload";

const REVIEW_STATE: Record<Exclude<ReviewFilter, "all">, ReviewState> = { pending: "PENDING", approved: "APPROVED", rejected: "REJECTED", none: "NONE" };

/** The WHERE of the queue: finished uploads, then each filter that was given. */
function conditions(query: ReviewQueueQuery): Prisma.Sql[] {
  const where = [Prisma.sql`u."status" = 'COMPLETE'`];
  if (query.review !== "all") where.push(Prisma.sql`u."review" = ${REVIEW_STATE[query.review]}::"ReviewState"`);
  if (query.owner) where.push(Prisma.sql`u."ownerId" = ${query.owner}`);
  if (query.type) where.push(query.type.endsWith("/") ? Prisma.sql`u."contentType" LIKE ${`${likeLiteral(query.type)}%`}` : Prisma.sql`u."contentType" = ${query.type}`);
  if (query.q) {
    const pattern = `%${likeLiteral(query.q)}%`;
    // Ten thousand users are a small table: matching owners are found once, as a hashed subplan.
    where.push(Prisma.sql`(u."originalName" ILIKE ${pattern} OR u."ownerId" IN (SELECT o."id" FROM "User" AS o WHERE o."email" ILIKE ${pattern}))`);
  }
  if (query.minSize !== undefined) where.push(Prisma.sql`u."size" >= ${BigInt(query.minSize)}`);
  if (query.maxSize !== undefined) where.push(Prisma.sql`u."size" <= ${BigInt(query.maxSize)}`);
  if (query.from) where.push(Prisma.sql`u."createdAt" >= ${query.from}`);
  if (query.to) where.push(Prisma.sql`u."createdAt" < ${query.to}`);
  return where;
}

/**
 * The admin's list of finished uploads: the pending queue oldest first (first come, first
 * reviewed), everything else newest first. Keyset pages on (createdAt, id), so with the
 * (status, review, createdAt, id) and (status, createdAt, id) indexes PostgreSQL walks the
 * index in order and stops after one page: no OFFSET, no count. The cursor is an upload id and
 * only marks a position: a file decided or deleted since the last page still continues the walk.
 */
export async function listReviewQueue(query: ReviewQueueQuery) {
  if (query.cursor && !(await db.upload.findUnique({ where: { id: query.cursor }, select: { id: true } }))) {
    throw invalidCursor();
  }
  const oldestFirst = query.review === "pending";
  const [after, direction] = oldestFirst ? [Prisma.raw(">"), Prisma.raw("ASC")] : [Prisma.raw("<"), Prisma.raw("DESC")];
  const where = conditions(query);
  if (query.cursor) where.push(Prisma.sql`(u."createdAt", u."id") ${after} (SELECT c."createdAt", c."id" FROM "Upload" AS c WHERE c."id" = ${query.cursor})`);

  const ids = await db.$queryRaw<Array<{ id: string }>>`
    SELECT u."id" FROM "Upload" AS u
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY u."createdAt" ${direction}, u."id" ${direction}
    LIMIT ${query.limit + 1}`;
  const page = ids.slice(0, query.limit).map(({ id }) => id);
  const rows = await db.upload.findMany({ where: { id: { in: page } }, include: adminUploadInclude });
  const byId = new Map(rows.map((row) => [row.id, row]));
  // A row gone between the two queries (its owner's account was deleted) is left out.
  const items = page.flatMap((id) => {
    const row = byId.get(id);
    return row ? [serializeAdminUpload(row)] : [];
  });
  return { items, nextCursor: ids.length > query.limit ? page[page.length - 1] : null };
}
