import "server-only";
import { db } from "../db";
import { sendProcessing } from "./send-processing";

const BATCH = 500;
/** A queued row not sent again for this long is assumed to have lost its job (a crash between commit and send). */
const LOST_AFTER_MS = 60_000;

/**
 * The backfill and the safety net, run every minute by one worker: files finished before
 * processing existed (no state yet) are marked queued, and queued rows whose job went missing
 * are sent again. Sending twice is harmless: one waiting job per upload (its singleton key).
 * Walks in batches so a million old files never make one long transaction.
 */
export async function queueUnprocessed(): Promise<{ queued: number }> {
  let queued = 0;
  for (;;) {
    const stale = new Date(Date.now() - LOST_AFTER_MS);
    const rows = await db.$queryRaw<Array<{ id: string }>>`
      UPDATE "Upload" SET "processing" = 'QUEUED', "processingQueuedAt" = NOW() AT TIME ZONE 'UTC'
      WHERE "id" IN (
        SELECT "id" FROM "Upload"
        WHERE "status" = 'COMPLETE' AND NOT ("review" = 'REJECTED' AND "quarantinedAt" IS NULL) AND ("processing" IS NULL OR ("processing" = 'QUEUED' AND ("processingQueuedAt" IS NULL OR "processingQueuedAt" < ${stale})))
        ORDER BY "createdAt", "id" LIMIT ${BATCH}
        FOR UPDATE SKIP LOCKED)
      RETURNING "id"`;
    await sendProcessing(rows.map(({ id }) => id));
    queued += rows.length;
    if (rows.length < BATCH) return { queued };
  }
}
