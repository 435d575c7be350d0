// Load on one app instance, then on two, on one PostgreSQL and one radosgw (issue 12, item 10):
//
//   npx tsx bench/instances.ts                                              # 20 × 256 MiB from 5 users + 200 downloads
//   BENCH_INSTANCES_MIB=8 BENCH_INSTANCES_PART_MIB=5 npx tsx bench/instances.ts    # the small variant (CI)
//
// Needs `npm run build`, the object store at S3_ENDPOINT (the app's S3 env) and PostgreSQL at
// TEST_POSTGRES_URL (default 127.0.0.1:5432, where it creates and drops its own database). Starts
// instance A (scripts/serve.sh), measures, starts B next to it, measures the same load spread over
// both, stops both. Settings: BENCH_INSTANCES_UPLOADS (20), _USERS (5), _MIB (256), _PART_MIB (16),
// _DOWNLOADS (200); BENCH_STORE_DIR (the store's SLIPWAY_DATA_DIR: frees deleted data after each
// load); BENCH_OUTPUT (JSON, default bench/results-instances.json). Exit 1 on any error.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import os from "node:os";
import { type AppInstance, freePort, startAppInstance } from "../tests/support/app-instance";
import { adminQuery, databaseUrl } from "../tests/support/database-templates";
import { busyShare, machineTicks } from "./cpu-usage";
import { type LoadResult, runLoad } from "./instances-load";
import { printInstancesReport, writeInstancesReport } from "./instances-report";
import { round } from "./stats";

const log = (message: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

function int(name: string, fallback: number): number {
  const value = Number(process.env[name] || fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, not "${process.env[name]}"`);
  return value;
}

const settings = {
  uploads: int("BENCH_INSTANCES_UPLOADS", 20),
  users: int("BENCH_INSTANCES_USERS", 5),
  mib: int("BENCH_INSTANCES_MIB", 256),
  partMiB: int("BENCH_INSTANCES_PART_MIB", 16),
  downloads: int("BENCH_INSTANCES_DOWNLOADS", 200),
};
if (settings.uploads % settings.users) throw new Error("BENCH_INSTANCES_UPLOADS must be a multiple of BENCH_INSTANCES_USERS");
if (!process.env.S3_ENDPOINT) throw new Error("S3_ENDPOINT is not set: start an object store (scripts/object-store.sh) and export its endpoint");
const output = process.env.BENCH_OUTPUT || "bench/results-instances.json";

/** Share of all CPUs busy over one second, before anything starts. */
async function machineBusy(): Promise<number> {
  const before = machineTicks();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return busyShare(before, machineTicks());
}

/** Frees what the deleted uploads held now (radosgw keeps deleted data ~2 h otherwise). */
function collectGarbage() {
  if (process.env.BENCH_STORE_DIR)
    execFileSync("bash", ["scripts/object-store.sh", "gc"], { env: { ...process.env, SLIPWAY_DATA_DIR: process.env.BENCH_STORE_DIR }, stdio: "ignore" });
}

async function main() {
  const busy = await machineBusy();
  if (busy > 0.2) log(`warning: ${Math.round(busy * 100)} % of the CPUs were busy before the benchmark started: expect noisy figures`);
  const database = `slipway_bench_instances_${process.pid}_${Date.now()}`;
  await adminQuery(`CREATE DATABASE ${database}`);
  const [portA, portB] = [await freePort(), await freePort()];
  const env = {
    DATABASE_URL: databaseUrl(database),
    APP_URL: `http://127.0.0.1:${portA}`, // the balancer's address; share links name it
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    S3_BUCKET: "slipway-bench-instances",
    REVIEW_MODE: "off",
    DEFAULT_QUOTA_BYTES: String(100 * 1024 ** 3),
    MULTIPART_THRESHOLD_BYTES: String(5 * 1024 ** 2),
    MULTIPART_PART_BYTES: String(settings.partMiB * 1024 ** 2),
    // Every request comes from 127.0.0.1, thousands a minute: limits out of the way, still on the path.
    SIGNUP_LIMIT_PER_HOUR: "100000",
    LINK_ACCESS_PER_IP_PER_MINUTE: "100000000",
    LINK_ACCESS_PER_LINK_PER_MINUTE: "100000000",
  };
  const instances: AppInstance[] = [];
  const loads: LoadResult[] = [];
  const started = performance.now();
  try {
    for (const port of [portA, portB]) {
      log(`starting an instance on :${port}`);
      instances.push(await startAppInstance(port, env));
      loads.push(await runLoad(instances, settings, log));
      collectGarbage();
    }
  } finally {
    await Promise.all(instances.map((instance) => instance.stop()));
    await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
  const results = {
    settings: { ...settings, cores: os.cpus().length, node: process.version, date: new Date().toISOString(), busyBefore: round(busy) },
    loads,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
  writeInstancesReport(output, results);
  printInstancesReport(results);
  const errors = loads.reduce((sum, load) => sum + load.errors.length + load.failedUploads, 0);
  if (errors) {
    for (const load of loads) for (const error of load.errors.slice(0, 10)) log(`${load.instances} instance(s): ${error}`);
    throw new Error(`${errors} errors (target 0)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
