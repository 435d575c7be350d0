import { db } from "../db";
import { invalidCursor } from "../errors";
import { countRequestUploads, NO_UPLOADS } from "./count-request-uploads";
import { serializeUploadRequest } from "./serialize-upload-request";

/**
 * The caller's upload requests, newest first (revoked and expired ones too, with their status), a
 * page at a time along (ownerId, createdAt, id); `nextCursor` is the id to continue after. Each
 * carries what it received and what is on its way, counted for the whole page in one query.
 */
export async function listUploadRequests(userId: string, { cursor, limit }: { cursor?: string; limit: number }) {
  // The cursor row fixes where the page starts: it must be the caller's, or another user's request
  // would leak its position (and existence) through the page it produces.
  if (cursor && !(await db.uploadRequest.findFirst({ where: { id: cursor, ownerId: userId }, select: { id: true } }))) throw invalidCursor();
  const rows = await db.uploadRequest.findMany({
    where: { ownerId: userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, limit);
  const now = new Date();
  const counts = await countRequestUploads(
    page.map((request) => request.id),
    now,
  );
  return {
    items: page.map((request) => serializeUploadRequest(request, counts.get(request.id) ?? NO_UPLOADS, now)),
    nextCursor: rows.length > limit ? page[page.length - 1].id : null,
  };
}
