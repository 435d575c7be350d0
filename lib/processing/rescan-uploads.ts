import "server-only";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { getBoss } from "../jobs/boss";
import { RESCAN_ALL } from "../jobs/queues";
import { sendProcessing } from "./send-processing";

const BATCH = 500;

/**
 * Marks finished uploads queued again; returns the ids that were. The run id is cleared, so a run
 * already under way (it read the bytes before this request) can no longer record its result.
 */
export async function markQueued(where: Prisma.Sql): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    UPDATE "Upload" SET "processing" = 'QUEUED', "processingQueuedAt" = NOW() AT TIME ZONE 'UTC', "processingError" = NULL, "processingRun" = NULL
    WHERE "status" = 'COMPLETE' AND NOT ("review" = 'REJECTED' AND "quarantinedAt" IS NULL) AND ${where}
    RETURNING "id"`;
  return rows.map(({ id }) => id);
}

/** Processes one finished file again (an admin asked). False when it is not a finished file. */
export async function rescanUpload(uploadId: string): Promise<boolean> {
  const ids = await markQueued(Prisma.sql`"id" = ${uploadId}`);
  await sendProcessing(ids);
  return ids.length === 1;
}

/** Asks a worker to queue every finished file again (see rescanAll). One such job waits at a time. */
export async function requestRescanAll(reason: string): Promise<void> {
  const boss = await getBoss();
  await boss.send(RESCAN_ALL, { reason });
}

/**
 * The rescan-all job: every finished file, oldest first, in keyset batches, marked queued and
 * sent. A file already waiting keeps its one job (singleton key), so running this twice costs
 * nothing but the walk.
 */
export async function rescanAll(): Promise<{ queued: number }> {
  let after: { createdAt: Date; id: string } | null = null;
  let queued = 0;
  for (;;) {
    const position: Prisma.Sql = after ? Prisma.sql`AND ("createdAt", "id") > (${after.createdAt}, ${after.id})` : Prisma.empty;
    const page: Array<{ id: string; createdAt: Date }> = await db.$queryRaw`
      SELECT "id", "createdAt" FROM "Upload" WHERE "status" = 'COMPLETE' ${position}
      ORDER BY "createdAt", "id" LIMIT ${BATCH}`;
    if (!page.length) return { queued };
    const ids = await markQueued(Prisma.sql`"id" = ANY(${page.map(({ id }) => id)})`);
    await sendProcessing(ids);
    queued += ids.length;
    after = page[page.length - 1];
  }
}
