import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { pingClamd } from "../lib/processing/clamd-client";
import { clamdOptions } from "../lib/processing/scan-policy";
import { env } from "../lib/env";
import { cpuPids, watchCpu } from "./processing-cpu";
import type { JobResult } from "./processing-job";
import { deleteBenchObjects, putVariant, writeRandomFile } from "./processing-object";
import { bareGet, clamdLocal, type PassContext, type PassSample, processObject } from "./processing-passes";
import { printSummary, type ProcessingResults, summarize, writeResults } from "./processing-report";

// Processing throughput (issue #11): the worker's one pass over an object against, in the same
// run, a bare S3 GET and clamd scanning a local copy; and the worker's memory over a real job.
// Needs the app's S3 and clamd environment (S3_ENDPOINT, S3_BUCKET, CLAMD_HOST, CLAMD_PORT).

function int(name: string, fallback: number, min = 1): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer >= ${min}, not "${raw}"`);
  return value;
}

const MiB = 1024 ** 2;
// clamd 1.4 scans nothing larger (libclamav caps MaxFileSize at INT_MAX - 2).
const CLAMD_LARGEST = 2147483645;
const settings = {
  mib: int("BENCH_PROCESSING_MIB", 1024),
  rounds: int("BENCH_PROCESSING_ROUNDS", 3, 2),
  /** (b) reads the local copy this many KiB at a time. */
  fileChunkKiB: int("BENCH_PROCESSING_FILE_CHUNK_KIB", 1024),
  /** (c+) joins S3 chunks to this many KiB before processing; 0: no (c+). Off by default: another object per round. */
  coalesceKiB: int("BENCH_PROCESSING_COALESCE_KIB", 0, 0),
  /** Jobs run one after the other in the child worker: the first is a fresh process's, later ones show a warm worker. */
  jobs: int("BENCH_PROCESSING_JOBS", 2),
  output: process.env.BENCH_OUTPUT || null,
  strict: process.env.BENCH_STRICT === "1",
  /** SLIPWAY_DATA_DIR of the object store: its deleted objects are freed after each round. */
  storeDir: process.env.BENCH_STORE_DIR || null,
};
const size = settings.mib * MiB;
if (size > CLAMD_LARGEST) throw new Error(`BENCH_PROCESSING_MIB: clamd scans at most ${CLAMD_LARGEST} bytes`);

const clamd = clamdOptions();
if (!clamd) throw new Error("CLAMD_HOST is not set: the benchmark needs a clamd whose limits are above the object size");
await pingClamd(clamd);
const context: PassContext = { clamd, pids: cpuPids({ clamd: clamd.port, s3: Number(new URL(env.S3_ENDPOINT).port || 80) }) };

const dir = mkdtempSync(path.join(tmpdir(), "slipway-bench-processing-"));
const created = new Set<string>();
let storedGiB = 0;

/**
 * Deletes what the run stored and, when the store's dir is known, frees it at once: radosgw keeps
 * deleted data ~2 h, and a few runs of this benchmark (5 GiB each by default) fill a 32 GiB dev store.
 */
async function deleteStored() {
  await deleteBenchObjects(created);
  if (settings.storeDir) execFileSync("bash", ["scripts/object-store.sh", "gc"], { env: { ...process.env, SLIPWAY_DATA_DIR: settings.storeDir }, stdio: "pipe" });
}

async function cleanUp() {
  await deleteStored();
  rmSync(dir, { recursive: true, force: true });
  if (!settings.storeDir && storedGiB)
    console.log(`stored and deleted ${storedGiB} GiB: radosgw frees it in ~2 h (set BENCH_STORE_DIR to the store's data dir to free it at once)`);
}

async function storeVariant(file: string) {
  storedGiB += settings.mib / 1024;
  return putVariant(file, size, created);
}

process.once("SIGINT", () => void cleanUp().finally(() => process.exit(130)));

/** Cores busy over two seconds before anything starts: whatever else runs weighs on every pass. */
async function busyCores(): Promise<number> {
  const watch = watchCpu(context.pids);
  await sleep(2000);
  const cpu = watch.stop();
  return Math.round((Object.values(cpu).reduce((sum, value) => sum + value, 0) / 2) * 100) / 100;
}

/** processUpload of fresh variants, one after the other in a new Node process on its own PGlite database: the worker's path and its memory. */
async function runJobs(file: string): Promise<JobResult> {
  const objects = [];
  for (let i = 0; i < settings.jobs; i++) objects.push(await storeVariant(file));
  const dataDir = path.join(dir, "data");
  const jobEnv: NodeJS.ProcessEnv = {
    ...process.env,
    SLIPWAY_DATA_DIR: dataDir,
    SCAN_MAX_BYTES: String(CLAMD_LARGEST),
    BENCH_JOB_OBJECTS: JSON.stringify(objects),
    BENCH_JOB_PIDS: JSON.stringify(context.pids),
  };
  delete jobEnv.DATABASE_URL;
  execFileSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], { env: jobEnv, stdio: "pipe" });
  // NODE_OPTIONS (e.g. V8 flags being tried) reaches the child through the environment.
  // V8's young generation as scripts/worker.sh sets it for `npm run worker` processes.
  const child = spawn(process.execPath, ["--max-semi-space-size=1", "--conditions=react-server", "--import", "tsx", "bench/processing-job.ts"], {
    env: jobEnv,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (data: Buffer) => (out += data.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const last = out.trim().split("\n").at(-1) ?? "";
  if (code !== 0 || !last.startsWith("[")) throw new Error(`the job process exited with ${code}: ${out}`);
  return JSON.parse(last) as JobResult;
}

try {
  const busyBefore = await busyCores();
  console.log(`machine busy: ${busyBefore} cores; writing ${settings.mib} MiB of random bytes to ${dir}…`);
  const file = await writeRandomFile(dir, size);
  const passes: Record<string, PassSample[]> = { a: [], b: [], c: [] };
  if (settings.coalesceKiB) passes["c+"] = [];
  const record = (round: number, pass: string, sample: PassSample) => {
    passes[pass].push(sample);
    console.log(`round ${round} (${pass}): ${sample.mibPerSecond.toFixed(1)} MiB/s in ${sample.seconds.toFixed(1)} s`);
  };
  for (let round = 1; round <= settings.rounds; round++) {
    console.log(`round ${round}: storing variants in s3://${env.S3_BUCKET}…`);
    const forC = await storeVariant(file);
    const forCoalesced = settings.coalesceKiB ? await storeVariant(file) : null;
    record(round, "a", await bareGet(context, forC));
    record(round, "b", await clamdLocal(context, file, size, settings.fileChunkKiB * 1024));
    record(round, "c", await processObject(context, forC, null));
    if (forCoalesced) record(round, "c+", await processObject(context, forCoalesced, settings.coalesceKiB * 1024));
    await deleteStored();
  }
  console.log(`worker jobs (processUpload in a child process, ${settings.jobs} in a row)…`);
  const jobs = await runJobs(file);
  const results: ProcessingResults = {
    settings: {
      ...settings,
      date: new Date().toISOString(),
      node: process.version,
      nodeOptions: process.env.NODE_OPTIONS ?? "",
      cores: availableParallelism(),
      bytes: size,
      busyBefore,
      clamd: `${clamd.host}:${clamd.port}`,
    },
    passes,
    jobs,
  };
  printSummary(results);
  if (settings.output) writeResults(settings.output, results);
  const summary = summarize(results);
  if (settings.strict && !(summary.ratioCToSlowerOfAB.met && summary.workerRssGrowthMiB.met)) process.exitCode = 1;
} finally {
  await cleanUp();
}
