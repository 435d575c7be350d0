import { db } from "../../db";
import type { ProcessingState } from "../../generated/prisma/enums";
import { getBoss } from "../../jobs/boss";
import { PROCESS_UPLOAD } from "../../jobs/queues";
import { scannerHealth } from "../../processing/processing-health";

/** The states an admin watches; each is a short range of the (processing, createdAt, id) index. Clean files are not counted. */
const WATCHED: ProcessingState[] = ["QUEUED", "RUNNING", "INFECTED", "FAILED", "TOO_LARGE_TO_SCAN", "OFF"];

interface DeadJob {
  id: string;
  uploadId: string | null;
  error: string | null;
  failedAt: Date | null;
}

/** The newest jobs that failed every attempt, with the error pg-boss kept for each. */
async function deadJobs(): Promise<DeadJob[]> {
  return db.$queryRaw<DeadJob[]>`
    SELECT "id"::text AS "id", "data"->>'uploadId' AS "uploadId", coalesce("output"->>'message', "output"::text) AS "error", "completed_on" AS "failedAt"
    FROM "pgboss"."job" WHERE "name" = ${PROCESS_UPLOAD} AND "state" = 'failed'
    ORDER BY "completed_on" DESC LIMIT 10`;
}

/** Processing at a glance: is scanning on and up, files per watched state, the job queue, and its dead jobs. */
export async function readProcessingStats() {
  const boss = await getBoss();
  const [scanner, counts, queue, dead] = await Promise.all([
    scannerHealth(),
    Promise.all(WATCHED.map((state) => db.upload.count({ where: { processing: state, status: "COMPLETE" } }))),
    boss.getQueue(PROCESS_UPLOAD),
    deadJobs(),
  ]);
  return {
    scanner,
    byState: Object.fromEntries(WATCHED.map((state, index) => [state, counts[index]])) as Record<ProcessingState, number>,
    jobs: { queued: queue?.queuedCount ?? 0, active: queue?.activeCount ?? 0, failed: queue?.failedCount ?? 0 },
    deadJobs: dead.map((job) => ({ ...job, failedAt: job.failedAt?.toISOString() ?? null })),
  };
}
