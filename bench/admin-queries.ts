/**
 * Times the admin API's queries, and the dashboard's for the heaviest user (dashboard-cases.ts),
 * through the real domain functions on a database seeded by
 * bench/admin-seed.sql (bench/admin.sh runs both): ADMIN_BENCH_RUNS timed calls (50) after
 * ADMIN_BENCH_WARMUP (5), p50/p95/max each, then EXPLAIN (ANALYZE, BUFFERS) of every statement
 * one call sends, captured at the pg driver. Run with scripts/tsx-server.sh (imports lib/).
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { readStats } from "../lib/admin/stats/read-stats";
import { listReviewQueue } from "../lib/admin/uploads/list-review-queue";
import { recountTotals } from "../lib/admin/stats/recount-totals";
import { listUsers } from "../lib/admin/users/list-users";
import { listAuditEvents } from "../lib/audit/list-audit-events";
import { closeDb, db } from "../lib/db";
import { stopBoss } from "../lib/jobs/boss";
import { countMultipartUploads } from "../lib/storage/multipart";
import { must } from "../tests/support/must";
import { dashboardCases } from "./dashboard-cases";

const RUNS = Number(process.env.ADMIN_BENCH_RUNS ?? 50);
const WARMUP = Number(process.env.ADMIN_BENCH_WARMUP ?? 5);
const DEEP_PAGES = Number(process.env.ADMIN_BENCH_DEEP_PAGES ?? 200);
const TARGET_MS = 50;
const DAY_MS = 86_400_000;

/** Every statement the pg driver sends while `traced` is set: what a domain call really runs. */
const captured: Array<{ text: string; values: unknown[] }> = [];
let traced = false;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const config = args[0] as { text?: string; values?: unknown[] } | string;
  // query(text, values) (pg-boss's form) as well as query({text, values}) (Prisma's adapter).
  const values = Array.isArray(args[1]) ? (args[1] as unknown[]) : [];
  if (traced) captured.push(typeof config === "string" ? { text: config, values } : { text: config.text ?? "", values: config.values ?? [] });
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

async function capture(call: () => Promise<unknown>) {
  captured.length = 0;
  traced = true;
  try {
    await call();
  } finally {
    traced = false;
  }
  return captured.filter(({ text }) => /^\s*(SELECT|WITH)\b/i.test(text));
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function time(call: () => Promise<unknown>) {
  for (let i = 0; i < WARMUP; i++) await call();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await call();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), max: samples[samples.length - 1] };
}

/** EXPLAIN (ANALYZE, BUFFERS) of each statement, on its own connection: top lines and the indexes walked. */
async function explain(client: pg.Client, statements: Array<{ text: string; values: unknown[] }>) {
  const plans = [];
  for (const { text, values } of statements) {
    const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values);
    const lines = rows.map((row) => row["QUERY PLAN"]);
    const indexes = [
      ...new Set(
        lines.flatMap((line) => [
          ...[...line.matchAll(/(Index(?: Only)? Scan(?: Backward)?) using "?([\w]+)"?/g)].map((m) => `${m[2]} (${m[1].toLowerCase()})`),
          ...[...line.matchAll(/Bitmap Index Scan on "?(\w+)"?/g)].map((m) => `${m[1]} (bitmap index scan)`),
        ]),
      ),
    ];
    const seqScans = [...new Set(lines.flatMap((line) => [...line.matchAll(/Seq Scan on "?(\w+)"?/g)].map((m) => m[1])))];
    const executionMs = Number(/Execution Time: ([\d.]+) ms/.exec(lines.join("\n"))?.[1] ?? 0);
    plans.push({ sql: text.replace(/\s+/g, " ").slice(0, 160), lines, indexes, seqScans, executionMs });
  }
  return plans;
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

/** Tables that grow with files and activity (a million rows and more); "User" and the daily totals stay small. */
const LARGE_TABLES = new Set(["Upload", "AuditEvent", "ShareLink"]);

async function main() {
  const explainClient = new pg.Client({ connectionString: must(process.env.DATABASE_URL, "DATABASE_URL") });
  await explainClient.connect();

  let started = performance.now();
  await recountTotals();
  const recountSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  await explainClient.query("VACUUM ANALYZE");
  const vacuumSeconds = (performance.now() - started) / 1000;

  const [users, uploads, events] = await Promise.all([db.user.count(), db.upload.count(), db.auditEvent.count()]);
  const heaviest = must(await db.user.findFirst({ orderBy: [{ storedBytes: "desc" }, { id: "asc" }], select: { id: true, email: true } }), "a user");
  const heaviestFiles = await db.upload.count({ where: { ownerId: heaviest.id, status: { in: ["PENDING", "UPLOADING", "COMPLETE", "FAILED"] } } });
  const now = new Date();
  const monthAgo = new Date(now.getTime() - 30 * DAY_MS);

  let cursor: string | undefined;
  for (let i = 0; i < DEEP_PAGES; i++) cursor = must((await listReviewQueue({ review: "all", cursor, limit: 25 })).nextCursor ?? undefined, `page ${i + 2} of the queue`);
  const deep = cursor;
  const cases: Array<{ name: string; call: () => Promise<unknown> }> = [
    { name: "review queue, first page (review=pending)", call: () => listReviewQueue({ review: "pending", limit: 25 }) },
    { name: "review queue, review=all&type=image/", call: () => listReviewQueue({ review: "all", type: "image/", limit: 25 }) },
    { name: "review queue, review=all&q=berlin", call: () => listReviewQueue({ review: "all", q: "berlin", limit: 25 }) },
    { name: `review queue, review=all, page ${DEEP_PAGES + 1} (keyset)`, call: () => listReviewQueue({ review: "all", cursor: deep, limit: 25 }) },
    { name: "users page with usage", call: () => listUsers({ limit: 25 }) },
    { name: "users page, q=garcía", call: () => listUsers({ q: "garcía", limit: 25 }) },
    { name: "stats (readStats)", call: () => readStats() },
    { name: "stats' ListMultipartUploads alone (radosgw)", call: () => countMultipartUploads("") },
    { name: "audit, action=link. + last 30 days", call: () => listAuditEvents({ action: "link.", from: monthAgo, to: now, limit: 50 }) },
    { name: "audit, action=review.reject + last 30 days", call: () => listAuditEvents({ action: "review.reject", from: monthAgo, to: now, limit: 50 }) },
    { name: "audit, actor=<e-mail of the heaviest user>", call: () => listAuditEvents({ actor: heaviest.email, limit: 50 }) },
    { name: "audit, actor + action=upload.", call: () => listAuditEvents({ actor: heaviest.id, action: "upload.", limit: 50 }) },
    { name: "audit, unfiltered first page", call: () => listAuditEvents({ limit: 50 }) },
    ...(await dashboardCases(heaviest.id, DEEP_PAGES)),
  ];

  const load = os.loadavg()[0];
  const results = [];
  for (const { name, call } of cases) {
    const timing = await time(call);
    const plans = await explain(explainClient, await capture(call));
    results.push({ name, ...timing, plans });
    console.error(`${name}: p50 ${fmt(timing.p50)}, p95 ${fmt(timing.p95)}`);
  }
  const [{ server_version: postgres }] = (await explainClient.query<{ server_version: string }>("SHOW server_version")).rows;
  await explainClient.end();
  // The stats start a pg-boss client (its queue counts); its timers would keep this process alive.
  await stopBoss({ graceful: false });
  await closeDb();

  const seedSeconds = Number(process.env.ADMIN_BENCH_SEED_SECONDS ?? NaN);
  console.log(`## Admin queries, ${now.toISOString().slice(0, 10)}, Node ${process.versions.node}, PostgreSQL ${postgres}\n`);
  console.log(`Seed: ${users.toLocaleString("en")} users, ${uploads.toLocaleString("en")} uploads, ${events.toLocaleString("en")} audit events;`);
  console.log(`the dashboard's user (the heaviest) has ${heaviestFiles.toLocaleString("en")} listed files.`);
  console.log(`bulk insert + index build ${seedSeconds.toFixed(0)} s, recount ${recountSeconds.toFixed(1)} s, VACUUM ANALYZE ${vacuumSeconds.toFixed(1)} s.`);
  console.log(`${RUNS} timed calls each after ${WARMUP} warm-ups, through the domain functions; target p95 < ${TARGET_MS} ms.`);
  console.log(`Load average (1 min) when the measurements began: ${load.toFixed(2)} on ${os.cpus().length} cores.`);
  console.log("\n| Query | p50 | p95 | max | p95 < 50 ms | SQL execution (EXPLAIN ANALYZE, sum) | Indexes used |\n| --- | ---: | ---: | ---: | :---: | ---: | --- |");
  for (const { name, p50, p95, max, plans } of results) {
    const used = plans.flatMap((plan) => [...plan.indexes, ...plan.seqScans.map((table) => `seq scan ${table}`)]);
    const sql = plans.reduce((sum, plan) => sum + plan.executionMs, 0);
    console.log(`| ${name} | ${fmt(p50)} | ${fmt(p95)} | ${fmt(max)} | ${p95 < TARGET_MS ? "yes" : "**no**"} | ${fmt(sql)} | ${[...new Set(used)].join(", ")} |`);
  }
  // Timings are figures, not assertions; a plan that reads a large table whole is a regression
  // whatever this machine's speed, so it fails the run (CI runs this at full size).
  const fullScans = results.flatMap(({ name, plans }) =>
    plans.flatMap((plan) => plan.seqScans.filter((table) => LARGE_TABLES.has(table)).map((table) => `${name}: seq scan on ${table}`)),
  );
  if (fullScans.length) {
    console.error(`admin bench: full scans of large tables:\n${fullScans.join("\n")}`);
    process.exitCode = 1;
  }
  console.log("\nPlans (first lines of EXPLAIN (ANALYZE, BUFFERS) per statement):");
  for (const { name, plans } of results) {
    console.log(`\n### ${name}`);
    for (const plan of plans)
      console.log(
        `\n    -- ${plan.sql}\n${plan.lines
          .slice(0, 20)
          .map((line) => `    ${line}`)
          .join("\n")}`,
      );
  }
}

await main();
