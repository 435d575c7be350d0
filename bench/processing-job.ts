import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { closeDb, db } from "../lib/db";
import { pingClamd } from "../lib/processing/clamd-client";
import { processUpload } from "../lib/processing/process-upload";
import { clamdOptions } from "../lib/processing/scan-policy";
import { headObject } from "../lib/storage/objects";
import { type CpuPids, type CpuSeconds, watchCpu } from "./processing-cpu";
import type { BenchObject } from "./processing-object";

// Child process of bench/processing.ts: the worker's real job path (processUpload against the
// PGlite database in SLIPWAY_DATA_DIR, migrated by the parent), one job per bench object, with
// this process's memory sampled every 50 ms. Prints one JSON line: the JobResult.

export interface JobRun {
  seconds: number;
  /** RSS as the job starts, at its peak, and after it (MiB). */
  startMiB: number;
  peakMiB: number;
  endMiB: number;
  /** Peak minus start. */
  growthMiB: number;
  /** Growth of V8's heap and of memory outside it (Buffers, PGlite's WebAssembly memory) at their peaks: what made the RSS peak. */
  heapGrowthMiB: number;
  externalGrowthMiB: number;
  /** RSS every 50 ms (MiB), to tell a plateau from a leak. */
  rssTimelineMiB: number[];
  /** CPU seconds over the job; `node` is this process. */
  cpu: CpuSeconds;
  /** This process's minor page faults over the job: fresh memory the kernel had to map (and zero). */
  pageFaults: number;
}

/** One run per object, in order, in the same process: the first is a fresh worker's first job. */
export type JobResult = JobRun[];

const MiB = 1024 ** 2;
function fromEnv<T>(name: string): T {
  const raw = process.env[name];
  if (!raw) throw new Error(`${name} is not set: this is started by bench/processing.ts`);
  return JSON.parse(raw) as T;
}
const objects = fromEnv<BenchObject[]>("BENCH_JOB_OBJECTS");
const pids = fromEnv<CpuPids>("BENCH_JOB_PIDS");
const clamd = clamdOptions();
if (!clamd) throw new Error("CLAMD_HOST is not set");

const owner = await db.user.create({ data: { email: `${randomUUID()}@bench.local`, name: "Bench", passwordHash: "-", quotaBytes: 1n << 50n } });

/** A finished upload of `object`, as completion leaves it: COMPLETE and queued for processing. */
async function finishedUpload(object: BenchObject): Promise<string> {
  const row = await db.upload.create({
    data: {
      ownerId: owner.id,
      key: object.key,
      originalName: "bench.bin",
      contentType: "application/octet-stream",
      size: BigInt(object.size),
      strategy: "MULTIPART",
      status: "COMPLETE",
      etag: object.etag,
      processing: "QUEUED",
      expiresAt: new Date(),
      completedAt: new Date(),
    },
  });
  return row.id;
}

const uploads = [];
for (const object of objects) uploads.push({ object, id: await finishedUpload(object) });
// A running worker has used all of these before; their first use is not the job's memory.
await headObject(objects[0].key);
await pingClamd(clamd);
await sleep(1000);

/** One processUpload, with this process's memory sampled every 50 ms. */
async function run({ object, id }: { object: BenchObject; id: string }): Promise<JobRun> {
  const start = process.memoryUsage();
  const peak = { ...start };
  const timeline: number[] = [];
  const sample = () => {
    const now = process.memoryUsage();
    timeline.push(Math.round((now.rss / MiB) * 10) / 10);
    peak.rss = Math.max(peak.rss, now.rss);
    peak.heapUsed = Math.max(peak.heapUsed, now.heapUsed);
    peak.external = Math.max(peak.external, now.external);
  };
  const cpuWatch = watchCpu(pids);
  const faults = process.resourceUsage().minorPageFault;
  const sampler = setInterval(sample, 50);
  const started = performance.now();
  try {
    await processUpload(id, { retryCount: 0, retryLimit: 0 });
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuWatch.stop();
  const pageFaults = process.resourceUsage().minorPageFault - faults;
  sample();
  const row = await db.upload.findUniqueOrThrow({ where: { id } });
  if (row.processing !== "CLEAN" || row.sha256 !== object.sha256) throw new Error(`the job recorded ${row.processing} / ${row.sha256} (${row.processingError})`);
  return {
    seconds,
    startMiB: start.rss / MiB,
    peakMiB: peak.rss / MiB,
    endMiB: process.memoryUsage().rss / MiB,
    growthMiB: (peak.rss - start.rss) / MiB,
    heapGrowthMiB: (peak.heapUsed - start.heapUsed) / MiB,
    externalGrowthMiB: (peak.external - start.external) / MiB,
    rssTimelineMiB: timeline,
    cpu,
    pageFaults,
  };
}

const result: JobResult = [];
for (const upload of uploads) result.push(await run(upload));
await closeDb();
console.log(JSON.stringify(result));
