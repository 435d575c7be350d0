import "server-only";
import type { JobWithMetadata, PgBoss } from "pg-boss";
import { env } from "../env";
import { checkSignatures } from "../processing/check-signatures";
import { processUpload } from "../processing/process-upload";
import { queueUnprocessed } from "../processing/queue-unprocessed";
import { rescanAll } from "../processing/rescan-uploads";
import { clamdOptions } from "../processing/scan-policy";
import { sweepUploads } from "../uploads/sweep-uploads";
import { getBoss } from "./boss";
import { CHECK_SIGNATURES, PROCESS_UPLOAD, QUEUE_UNPROCESSED, RESCAN_ALL, SWEEP_UPLOADS } from "./queues";

const EVERY_MINUTE = "* * * * *";
const EVERY_FIVE_MINUTES = "*/5 * * * *";

/** Runs a maintenance job's task one job at a time, logging what it did. */
async function maintain(boss: PgBoss, name: string, task: () => Promise<unknown>): Promise<void> {
  await boss.work(name, { batchSize: 1, pollingIntervalSeconds: 5 }, async () => {
    const result = await task();
    // Quiet when there was nothing to do: the backfill runs every minute.
    if (result && Object.values(result).some((value) => typeof value === "number" && value > 0)) console.log(`${name}:`, result);
  });
}

/**
 * The sweeper's clock: every instance asks for a sweep each interval, and pg-boss keeps one job
 * per interval (singletonSeconds), so the sweep runs once per interval however many instances run.
 */
function scheduleSweeps(boss: PgBoss): void {
  if (!env.SWEEP_INTERVAL_SECONDS) return;
  const ask = () => boss.send(SWEEP_UPLOADS, null, { singletonSeconds: env.SWEEP_INTERVAL_SECONDS }).catch((error: unknown) => console.error("sweeper: could not schedule", error));
  void ask();
  setInterval(ask, env.SWEEP_INTERVAL_SECONDS * 1000).unref();
}

/**
 * Starts this process's workers: processing (WORKER_CONCURRENCY at a time; the heartbeat lets
 * another worker take over a job whose process died), the backfill and its minute schedule, the
 * re-scan walk, the signature check when scanning is on, and the sweeper.
 */
export async function startWorkers(): Promise<PgBoss> {
  const boss = await getBoss();
  const scanning = clamdOptions();
  console.log(scanning ? `processing: scanning with clamd at ${scanning.host}:${scanning.port}` : "processing: CLAMD_HOST is not set, files are processed WITHOUT a virus scan");

  await boss.work(
    PROCESS_UPLOAD,
    { batchSize: 1, localConcurrency: env.WORKER_CONCURRENCY, pollingIntervalSeconds: 1, includeMetadata: true },
    async ([job]: JobWithMetadata<{ uploadId: string }>[]) => processUpload(job.data.uploadId, { retryCount: job.retryCount, retryLimit: job.retryLimit }),
  );
  await maintain(boss, QUEUE_UNPROCESSED, queueUnprocessed);
  await maintain(boss, RESCAN_ALL, rescanAll);
  await maintain(boss, SWEEP_UPLOADS, sweepUploads);
  await boss.schedule(QUEUE_UNPROCESSED, EVERY_MINUTE);
  await boss.send(QUEUE_UNPROCESSED, null); // the backfill, now rather than in a minute
  if (scanning) {
    await maintain(boss, CHECK_SIGNATURES, checkSignatures);
    await boss.schedule(CHECK_SIGNATURES, EVERY_FIVE_MINUTES);
    await boss.send(CHECK_SIGNATURES, null);
  } else {
    await boss.unschedule(CHECK_SIGNATURES);
  }
  scheduleSweeps(boss);
  return boss;
}
