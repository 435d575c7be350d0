import "../support/use-clamd";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { readProcessingStats } from "@/lib/admin/stats/read-processing-stats";
import { adminUploadInclude, serializeAdminUpload } from "@/lib/admin/uploads/serialize-admin-upload";
import { db } from "@/lib/db";
import type { Upload } from "@/lib/generated/prisma/client";
import { getBoss } from "@/lib/jobs/boss";
import { SWEEP_UPLOADS } from "@/lib/jobs/queues";
import { createShareLink } from "@/lib/links/create-share-link";
import { rescanUpload } from "@/lib/processing/rescan-uploads";
import { serializeUpload } from "@/lib/uploads/serialize-upload";
import { domainApi } from "../support/domain-api";
import { meta, newTrustedUser, rejection } from "../support/domain-helpers";
import { must } from "../support/must";
import { fetchTransport } from "../support/node-transport";
import { processed } from "../support/processing-helpers";
import { finishedUpload } from "../support/review-helpers";
import { engineFor, MiB, randomFile, settled, sha256 } from "../support/run-engine";
import { cleanBytes } from "../support/scan-samples";
import { claims, closedPort, recordClaims, startWorker, type WorkerProcess } from "../support/worker-process";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads every `everyMs` until `done` holds; returns what was read. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, describe: (value: T) => string, timeoutMs = 60_000, everyMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    expect(Date.now(), `still waiting: ${describe(value)}`).toBeLessThan(deadline);
    await sleep(everyMs);
  }
}

const readRow = (id: string) => () => db.upload.findUniqueOrThrow({ where: { id } });
const stateOf = (row: Upload) => `upload ${row.id} is ${row.processing} (${row.processingError ?? "no error"})`;
const completions = (id: string) => db.auditEvent.count({ where: { action: "processing.complete", target: id } });

// Worker processes on one PostgreSQL database next to this test process (which queues jobs but
// runs none). The embedded PGlite cannot take part: it holds its data directory exclusively, so
// only the one process that opened it can run jobs (see lib/jobs/boss.ts).
describe.runIf(process.env.VITEST_PROJECT_DB === "postgres")("processing with separate worker processes", () => {
  let workers: WorkerProcess[] = [];
  let owner: string;

  const worker = (name: string, env: Record<string, string> = {}) => {
    const started = startWorker(name, {
      CLAMD_HOST: must(process.env.TEST_CLAMD_HOST || null, "TEST_CLAMD_HOST"),
      CLAMD_PORT: must(process.env.TEST_CLAMD_PORT || null, "TEST_CLAMD_PORT"),
      PROCESSING_HEARTBEAT_SECONDS: "10",
      PROCESSING_RETRY_DELAY_SECONDS: "1",
      // No sweeps unless a test asks: each worker would otherwise queue one as it starts.
      SWEEP_INTERVAL_SECONDS: "0",
      ...env,
    });
    workers.push(started);
    return started;
  };
  const outputs = () => workers.map((started) => `--- ${started.name}\n${started.output()}`).join("\n");

  beforeAll(async () => {
    owner = await newTrustedUser("Faulty");
    await recordClaims();
    // The queue's settings live in the database and every process writes its own as its queue
    // client starts: this one starts first, so the workers' settings (started later) stand.
    await getBoss();
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") console.error(`worker output:\n${outputs()}`);
    await Promise.all(workers.map((started) => started.kill()));
    workers = [];
    vi.unstubAllEnvs();
  });

  afterAll(() => Promise.all(workers.map((started) => started.kill())));

  it("runs a job again when its worker is killed mid-job, and records the result once", { timeout: 300_000 }, async () => {
    const scanAll = { SCAN_MAX_BYTES: String(256 * MiB) };
    const first = worker("killed-worker", scanAll);
    await first.ready;
    const file = randomFile("large.bin", 128 * MiB);
    const engine = engineFor(domainApi(owner).api, fetchTransport);
    await engine.add([{ file }]);
    const [view] = await settled(engine, undefined, 240_000);
    expect(view.state, view.error).toBe("done");
    const id = must(view.uploadId, "an upload id");

    await until(readRow(id), (row) => row.processing === "RUNNING", stateOf, 60_000, 10);
    await first.kill("SIGKILL");
    expect((await db.upload.findUniqueOrThrow({ where: { id } })).processing, "the worker was killed before it finished").toBe("RUNNING");

    worker("fresh-worker", scanAll);
    // The killed run's heartbeat lapses (10 s), the fresh worker's monitor notices, the job runs again.
    const row = await processed(id, 180_000);
    expect([row.processing, row.sha256, row.processingAttempts], outputs()).toEqual(["CLEAN", sha256(new Uint8Array(await file.arrayBuffer())), 2]);
    expect(await completions(id)).toBe(1);
    expect((await claims([id])).get(id)).toEqual(["killed-worker", "fresh-worker"]);
  });

  it("shares twenty uploads between two workers, each processed once", { timeout: 180_000 }, async () => {
    const pair = [worker("worker-a"), worker("worker-b")];
    await Promise.all(pair.map((started) => started.ready));
    // Both paused while the jobs are queued, so that they compete for all twenty from the same moment.
    for (const started of pair) started.signal("SIGSTOP");
    const ids: string[] = [];
    for (let index = 0; index < 20; index += 1) ids.push(await finishedUpload(owner, `small-${index}.bin`, "application/octet-stream", cleanBytes(256 * 1024)));
    for (const started of pair) started.signal("SIGCONT");

    const rows = await Promise.all(ids.map((id) => processed(id, 120_000)));
    expect(rows.map((row) => [row.processing, row.processingAttempts])).toEqual(ids.map(() => ["CLEAN", 1]));
    expect(await Promise.all(ids.map(completions))).toEqual(ids.map(() => 1));
    const claimed = await claims(ids);
    expect([...claimed.values()].map((runs) => runs.length)).toEqual(ids.map(() => 1));
    const runs = [...claimed.values()].flat();
    const perWorker = pair.map((started) => `${started.name}: ${runs.filter((runner) => runner === started.name).length}`);
    expect(new Set(runs), `runs per worker: ${perWorker.join(", ")}`).toEqual(new Set(["worker-a", "worker-b"]));
  });

  it("retries while clamd is down, then fails the file, and a re-scan with clamd back makes it clean", { timeout: 180_000 }, async () => {
    const deadPort = String(await closedPort());
    const twoAttempts = { PROCESSING_ATTEMPTS: "2" };
    const blind = worker("clamd-down-worker", { ...twoAttempts, CLAMD_PORT: deadPort });
    await blind.ready;
    const id = await finishedUpload(owner, "unscanned.txt", "text/plain", cleanBytes(4096));

    const retrying = await until(readRow(id), (row) => row.processing === "QUEUED" && row.processingError !== null, stateOf);
    expect(retrying.processingError).toMatch(new RegExp(`will be retried: clamd at 127\\.0\\.0\\.1:${deadPort} refused`));
    const failed = await processed(id, 60_000);
    expect([failed.processing, failed.processingAttempts]).toEqual(["FAILED", 2]);
    expect(failed.processingError).toMatch(/^Processing failed: clamd at .* refused the connection/);
    expect(await db.auditEvent.count({ where: { action: "processing.failed", target: id } })).toBe(1);
    // The owner learns what it means for the file; where clamd listens is for the admin's eyes.
    const row = await db.upload.findUniqueOrThrow({ where: { id }, include: adminUploadInclude });
    const ownerView = JSON.stringify(serializeUpload(row));
    expect(ownerView).toContain("The checks could not be run on this file.");
    expect(ownerView).not.toMatch(/clamd|127\.0\.0\.1|refused/);
    expect(serializeAdminUpload(row).processing?.error).toMatch(/^Processing failed: clamd at .* refused the connection/);

    const refusal = await rejection(createShareLink(owner, id, { expiresInSeconds: 3600 }, meta));
    expect([refusal.status, refusal.code]).toEqual([409, "upload_scan_failed"]);

    // The health route under the worker's settings.
    vi.resetModules();
    vi.stubEnv("CLAMD_HOST", "127.0.0.1");
    vi.stubEnv("CLAMD_PORT", deadPort);
    const { GET } = await import("@/app/api/health/route");
    const health = await GET();
    expect([health.status, await health.json()]).toEqual([503, { db: "ok", s3: "ok", scanner: "down" }]);

    // pg-boss marks the job failed just after the handler recorded FAILED.
    const dead = await until(
      async () => (await readProcessingStats()).deadJobs,
      (jobs) => jobs.some((job) => job.uploadId === id),
      (jobs) => `dead jobs ${JSON.stringify(jobs)}`,
      30_000,
      200,
    );
    expect(dead.filter((job) => job.uploadId === id)).toEqual([expect.objectContaining({ error: expect.stringMatching(/clamd at .* refused/) })]);

    await blind.kill();
    await worker("clamd-up-worker", twoAttempts).ready;
    expect(await rescanUpload(id)).toBe(true);
    const clean = await processed(id, 60_000);
    expect([clean.processing, clean.processingError, clean.processingAttempts]).toEqual(["CLEAN", null, 3]);
    await expect(createShareLink(owner, id, { expiresInSeconds: 3600 }, meta)).resolves.toBeDefined();
  });

  it("sweeps once per interval however many workers ask", { timeout: 180_000 }, async () => {
    const interval = 2;
    const pair = [worker("sweeper-a", { SWEEP_INTERVAL_SECONDS: String(interval) }), worker("sweeper-b", { SWEEP_INTERVAL_SECONDS: String(interval) })];
    await Promise.all(pair.map((started) => started.ready));
    const from = Date.now() / 1000;
    await sleep(9000);
    const to = Date.now() / 1000;

    // Epoch seconds on both sides: the test database's time zone is not UTC (tests/support/use-database.ts).
    const jobs = await db.$queryRaw<Array<{ slot: number; state: string }>>`
      SELECT floor(extract(epoch FROM created_on) / ${interval})::int AS slot, state::text AS state FROM pgboss.job
      WHERE name = ${SWEEP_UPLOADS} AND extract(epoch FROM created_on) BETWEEN ${from} AND ${to}`;
    const slots = Math.floor(to / interval) - Math.floor(from / interval) + 1;
    const summary = `${jobs.length} sweep jobs in ${slots} slots of ${interval} s: ${JSON.stringify(jobs)}`;
    expect(jobs.length, summary).toBeGreaterThanOrEqual(1);
    expect(new Set(jobs.map((job) => job.slot)).size, summary).toBe(jobs.length);
    expect(jobs.length, summary).toBeLessThanOrEqual(slots);
  });
});
