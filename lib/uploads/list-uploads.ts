import { db } from "../db";
import { serializeUpload } from "./serialize-upload";

/** The owner's uploads, newest first, a page at a time; `nextCursor` is the id to continue after. */
export async function listUploads(userId: string, { cursor, limit }: { cursor?: string; limit: number }) {
  const rows = await db.upload.findMany({
    where: { ownerId: userId, status: { not: "DELETED" } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, limit);
  return { items: page.map(serializeUpload), nextCursor: rows.length > limit ? page[page.length - 1].id : null };
}
