import { db } from "../../db";
import { invalidCursor } from "../../errors";
import { Prisma } from "../../generated/prisma/client";
import { likeLiteral } from "../../like-pattern";
import type { ReviewState } from "../../generated/prisma/enums";
import type { ReviewFilter, ReviewQueueQuery } from "../../validations/admin-uploads";
import { adminUploadInclude, serializeAdminUpload } from "./serialize-admin-upload";

const REVIEW_STATE: Record<Exclude<ReviewFilter, "all">, ReviewState> = { pending: "PENDING", approved: "APPROVED", rejected: "REJECTED", none: "NONE" };

/** The WHERE of the queue: finished uploads, then each filter that was given (the review state apart). */
function conditions(query: ReviewQueueQuery): Prisma.Sql[] {
  const where = [Prisma.sql`u."status" = 'COMPLETE'`];
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

type Page = Array<{ id: string }>;

/** One keyset walk: the rows after `after` (a cursor id) in the given order, one more than a page. */
function walk(where: Prisma.Sql[], after: string | null, oldestFirst: boolean, limit: number): Promise<Page> {
  const [compare, direction] = oldestFirst ? [Prisma.raw(">"), Prisma.raw("ASC")] : [Prisma.raw("<"), Prisma.raw("DESC")];
  const position = after ? [Prisma.sql`(u."createdAt", u."id") ${compare} (SELECT c."createdAt", c."id" FROM "Upload" AS c WHERE c."id" = ${after})`] : [];
  return db.$queryRaw<Page>`
    SELECT u."id" FROM "Upload" AS u
    WHERE ${Prisma.join([...where, ...position], " AND ")}
    ORDER BY u."createdAt" ${direction}, u."id" ${direction}
    LIMIT ${limit + 1}`;
}

const INFECTED = Prisma.sql`u."processing" = 'INFECTED' AND u."review" <> 'REJECTED'`;
const PENDING_CLEAN = Prisma.sql`u."review" = 'PENDING' AND u."processing" IS DISTINCT FROM 'INFECTED'`;

/**
 * The pending queue is two walks: infected files no admin has rejected yet come first (whatever
 * their review state: an auto-approved file can turn out infected), then the pending rest, each
 * oldest first. The cursor's current state says which walk it is in.
 */
async function pendingPage(where: Prisma.Sql[], cursor: string | null, limit: number): Promise<Page> {
  const seen = cursor ? await db.upload.findUnique({ where: { id: cursor }, select: { processing: true, review: true } }) : null;
  const inInfected = seen?.processing === "INFECTED" && seen.review !== "REJECTED";
  const infected = !cursor || inInfected ? await walk([...where, INFECTED], cursor, true, limit) : [];
  if (infected.length > limit) return infected;
  return [...infected, ...(await walk([...where, PENDING_CLEAN], inInfected ? null : cursor, true, limit))].slice(0, limit + 1);
}

/**
 * The admin's list of finished uploads: the pending queue oldest first (first come, first
 * reviewed) after the infected files, everything else newest first. Keyset pages on (createdAt,
 * id), so with the (status, review, createdAt, id), (status, createdAt, id) and (processing,
 * createdAt, id) indexes PostgreSQL walks an index in order and stops after one page: no OFFSET,
 * no count. The cursor is an upload id and only marks a position: a file decided or deleted since
 * the last page still continues the walk.
 */
export async function listReviewQueue(query: ReviewQueueQuery) {
  const cursor = query.cursor ?? null;
  if (cursor && !(await db.upload.findUnique({ where: { id: cursor }, select: { id: true } }))) throw invalidCursor();
  const where = conditions(query);
  const ids =
    query.review === "pending"
      ? await pendingPage(where, cursor, query.limit)
      : await walk(query.review === "all" ? where : [...where, Prisma.sql`u."review" = ${REVIEW_STATE[query.review]}::"ReviewState"`], cursor, false, query.limit);
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
