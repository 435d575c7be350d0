import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { type ListFoldersQuery, TOP_FOLDER } from "../validations/upload";
import type { FolderJson } from "./dashboard-json";
import { LISTED } from "./upload-filters";

/**
 * The folders directly inside `parent` (the top level without it), A to Z (as names sort in the
 * list: lower case, character by character), each with the number
 * of files it holds at any depth; `nextCursor` is the last folder's name. Folders are not rows of
 * their own: they are read from the listed files' `folder` paths, in one walk of the owner's
 * entries of the (ownerId, status, folder) index that never visits the table.
 */
export async function listFolders(userId: string, { parent, cursor, limit }: ListFoldersQuery): Promise<{ items: FolderJson[]; nextCursor: string | null }> {
  const inside = parent && parent !== TOP_FOLDER ? parent : null;
  const depth = inside ? inside.split("/").length : 0;
  const scope = inside ? Prisma.sql`starts_with(u."folder", ${`${inside}/`})` : Prisma.sql`u."folder" IS NOT NULL`;
  const after = cursor ? Prisma.sql`HAVING (lower(f."name") COLLATE "C", f."name" COLLATE "C") > (lower(${cursor}) COLLATE "C", ${cursor} COLLATE "C")` : Prisma.empty;
  const rows = await db.$queryRaw<Array<{ name: string; files: number }>>`
    SELECT f."name", count(*)::int AS "files"
    FROM (SELECT split_part(u."folder", '/', ${depth + 1}) AS "name" FROM "Upload" AS u WHERE u."ownerId" = ${userId} AND ${LISTED} AND ${scope}) AS f
    GROUP BY f."name" ${after}
    ORDER BY lower(f."name") COLLATE "C", f."name" COLLATE "C"
    LIMIT ${limit + 1}`;
  const items = rows.slice(0, limit).map(({ name, files }) => ({ path: inside ? `${inside}/${name}` : name, name, files }));
  return { items, nextCursor: rows.length > limit ? items[items.length - 1].name : null };
}
