import { db } from "../db";
import { invalidCursor } from "../errors";
import { serializeUpload, uploadInclude } from "./serialize-upload";

/**
 * The owner's uploads, newest first, a page at a time; `nextCursor` is the id to continue after.
 * Cancelled, expired and deleted slots are history, not files: they are left out.
 */
export async function listUploads(userId: string, { cursor, limit }: { cursor?: string; limit: number }) {
  // The cursor row fixes where the page starts: it must be the caller's, or another user's
  // upload would leak its position (and existence) through the page it produces.
  if (cursor && !(await db.upload.findFirst({ where: { id: cursor, ownerId: userId }, select: { id: true } }))) {
    throw invalidCursor();
  }
  const rows = await db.upload.findMany({
    where: { ownerId: userId, status: { notIn: ["ABORTED", "EXPIRED", "DELETED"] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: uploadInclude,
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, limit);
  return { items: page.map((upload) => serializeUpload(upload)), nextCursor: rows.length > limit ? page[page.length - 1].id : null };
}
