import { db } from "../db";
import type { ReviewState, UploadStatus } from "../generated/prisma/enums";
import { deleteObject, headObject, moveObject } from "../storage/objects";
import { quarantineKey, thumbnailKey } from "./object-keys";

// Long enough for S3 to copy a large object server-side; the transaction only holds a row lock.
const MOVE_TIMEOUT_MS = 10 * 60_000;

type Placement = { status: UploadStatus; review: ReviewState; key: string; etag: string | null; quarantinedAt: Date | null };

/**
 * Makes storage follow the upload's row after a review decision or a virus-scan verdict: the
 * object moves under quarantine/, is deleted, or comes back to its key. The row is the truth and every step is
 * safe to repeat, so an interrupted move is finished by deciding the same again. Moves of one
 * upload run one at a time under its row lock: a rejection's move and an approval's move-back
 * running together could otherwise each delete the other's copy.
 */
export async function settleObjectPlacement(uploadId: string): Promise<void> {
  await db.$transaction(
    async (tx) => {
      const [row] = await tx.$queryRaw<Placement[]>`
        SELECT "status", "review", "key", "etag", "quarantinedAt" FROM "Upload" WHERE "id" = ${uploadId} FOR UPDATE`;
      if (row?.status !== "COMPLETE") return;
      const quarantined = quarantineKey(row.key);
      if (row.quarantinedAt) await moveObject(row.key, quarantined);
      // Rejected for good: the bytes may sit at the key or under quarantine/ (an infected file), and the thumbnail goes too.
      else if (row.review === "REJECTED") await Promise.all([deleteObject(row.key), deleteObject(quarantined), deleteObject(thumbnailKey(row.key))]);
      else if (await moveObject(quarantined, row.key)) {
        // A copy may carry a new ETag (a copy in parts of an encrypted object, or a multipart object on AWS);
        // the row keeps the one of the bytes at the key, which processing reads only if unchanged.
        const etag = (await headObject(row.key))?.etag;
        if (etag && etag !== row.etag) await tx.upload.update({ where: { id: uploadId }, data: { etag } });
      }
    },
    { timeout: MOVE_TIMEOUT_MS },
  );
}
