import "server-only";
import { db } from "../db";
import { PROCESS_UPLOAD } from "../jobs/queues";
import { sendProcessing } from "./send-processing";
import { scanPolicy } from "./scan-policy";

const BATCH = 500;
/** A queued row not sent again for this long, and with no job, is assumed to have lost its job (a crash between commit and send). */
const LOST_AFTER_MS = 60_000;

/**
 * The backfill and the safety net, run every minute by one worker: files finished before
 * processing existed (no state yet), files processed while scanning was off once it is on, and
 * queued rows whose job went missing (none waiting, retrying or running in pg-boss's table) are
 * marked queued and sent. Walks in batches so a million old files never make one long
 * transaction.
 */
export async function queueUnprocessed(): Promise<{ queued: number }> {
  const unscanned = scanPolicy().scanning ? ["OFF"] : [];
  let queued = 0;
  for (;;) {
    const stale = new Date(Date.now() - LOST_AFTER_MS);
    const rows = await db.$queryRaw<Array<{ id: string }>>`
      UPDATE "Upload" SET "processing" = 'QUEUED', "processingQueuedAt" = NOW() AT TIME ZONE 'UTC', "processingRun" = NULL
      WHERE "id" IN (
        SELECT u."id" FROM "Upload" AS u
        WHERE u."status" = 'COMPLETE' AND NOT (u."review" = 'REJECTED' AND u."quarantinedAt" IS NULL)
          AND (u."processing" IS NULL OR u."processing"::text = ANY(${unscanned})
            OR (u."processing" = 'QUEUED' AND (u."processingQueuedAt" IS NULL OR u."processingQueuedAt" < ${stale})
              AND NOT EXISTS (SELECT 1 FROM "pgboss"."job" AS j WHERE j."name" = ${PROCESS_UPLOAD} AND j."singleton_key" = u."id" AND j."state" < 'completed')))
        ORDER BY u."createdAt", u."id" LIMIT ${BATCH}
        FOR UPDATE SKIP LOCKED)
      RETURNING "id"`;
    await sendProcessing(rows.map(({ id }) => id));
    queued += rows.length;
    if (rows.length < BATCH) return { queued };
  }
}
