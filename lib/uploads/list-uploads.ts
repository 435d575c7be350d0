import { db } from "../db";
import type { Upload } from "../generated/prisma/client";
import { Prisma } from "../generated/prisma/client";
import { likeLiteral } from "../like-pattern";
import { DEFAULT_ORDER, type ListOrder, type ListSort, type ListUploadsQuery, TOP_FOLDER } from "../validations/upload";
import { decodeCursor, encodeCursor, type ListPosition } from "./list-cursor";
import { serializeUpload, uploadInclude } from "./serialize-upload";
import { LISTED, statusCondition, typeCondition } from "./upload-filters";

// Prisma keeps UTC in "timestamp without time zone"; a typed literal keeps the session's time zone out of it.
const timestamp = (iso: string) => Prisma.sql`${iso.slice(0, 23)}::timestamp`;

/**
 * Each sort: the indexed expression it orders by (with id after it, so the order is total), the
 * cursor key of a row, and that key as SQL again. Names sort case-insensitively, character by
 * character whatever the database's locale: by lower() of the name in the "C" collation, as the
 * (ownerId, lower(originalName) COLLATE "C", id) index holds it.
 */
const SORTS: Record<ListSort, { column: Prisma.Sql; key: (row: Upload) => string; value: (key: string) => Prisma.Sql }> = {
  date: { column: Prisma.sql`u."createdAt"`, key: (row) => row.createdAt.toISOString(), value: timestamp },
  name: { column: Prisma.sql`(lower(u."originalName") COLLATE "C")`, key: (row) => row.originalName, value: (key) => Prisma.sql`(lower(${key}) COLLATE "C")` },
  size: { column: Prisma.sql`u."size"`, key: (row) => String(row.size), value: (key) => Prisma.sql`${key}::bigint` },
};

/** The query as the route parses it; called from code, sort and order have the route's defaults. */
type ListOptions = Omit<ListUploadsQuery, "sort" | "order"> & { sort?: ListSort; order?: ListOrder };

function conditions(userId: string, query: ListUploadsQuery, after: ListPosition | null): Prisma.Sql[] {
  const sort = SORTS[query.sort];
  const where = [Prisma.sql`u."ownerId" = ${userId}`, LISTED];
  if (query.q) where.push(Prisma.sql`u."originalName" ILIKE ${`%${likeLiteral(query.q)}%`}`);
  if (query.status) where.push(statusCondition(query.status));
  if (query.type) where.push(typeCondition(query.type));
  if (query.received !== undefined) where.push(query.received ? Prisma.sql`u."requestId" IS NOT NULL` : Prisma.sql`u."requestId" IS NULL`);
  if (query.folder !== undefined) where.push(query.folder === TOP_FOLDER ? Prisma.sql`u."folder" IS NULL` : Prisma.sql`u."folder" = ${query.folder}`);
  if (after) {
    const compare = Prisma.raw(query.order === "asc" ? ">" : "<");
    where.push(Prisma.sql`(${sort.column}, u."id") ${compare} (${sort.value(after.key)}, ${after.id})`);
  }
  return where;
}

/**
 * The owner's files a page at a time, sorted by date, name or size either way, searched and
 * filtered. Keyset pages: each page is one walk of the owner's part of the sort's index, from the
 * cursor's (key, id) on, stopped after a page; a filter only skips rows of that walk, so it never
 * reaches another user's rows and never sorts more than a page.
 */
export async function listUploads(userId: string, options: ListOptions) {
  const sort = options.sort ?? "date";
  const query = { ...options, sort, order: options.order ?? DEFAULT_ORDER[sort] };
  const after = query.cursor ? decodeCursor(userId, query.cursor, query.sort, query.order) : null;
  const direction = Prisma.raw(query.order === "asc" ? "ASC" : "DESC");
  const ids = await db.$queryRaw<Array<{ id: string }>>`
    SELECT u."id" FROM "Upload" AS u
    WHERE ${Prisma.join(conditions(userId, query, after), " AND ")}
    ORDER BY ${SORTS[query.sort].column} ${direction}, u."id" ${direction}
    LIMIT ${query.limit + 1}`;
  const page = ids.slice(0, query.limit).map(({ id }) => id);
  const rows = await db.upload.findMany({ where: { id: { in: page } }, include: uploadInclude });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const items = page.flatMap((id) => byId.get(id) ?? []);
  const last = items.at(-1);
  return {
    items: items.map((upload) => serializeUpload(upload)),
    nextCursor: ids.length > query.limit && last ? encodeCursor(userId, query.sort, query.order, { key: SORTS[query.sort].key(last), id: last.id }) : null,
  };
}
