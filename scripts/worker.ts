// `npm run worker`: a process that only runs jobs (processing, backfill, re-scans, the sweeper),
// for scaling out next to app instances started with WORKER_IN_APP=false. Run as many as you like
// against one PostgreSQL: pg-boss hands each job to one of them.
import { closeDb } from "../lib/db";
import { env } from "../lib/env";
import { stopBoss } from "../lib/jobs/boss";
import { startWorkers } from "../lib/jobs/start-workers";

if (!env.DATABASE_URL) {
  console.error("worker: set DATABASE_URL to a PostgreSQL database. The embedded database belongs to the app process, whose own workers run the jobs.");
  process.exit(1);
}

await startWorkers();
console.log(`worker: running on Node ${process.version} (pid ${process.pid})`);

async function shutdown() {
  // Running jobs finish (or their heartbeat lapses and another worker takes them over).
  await stopBoss({ graceful: true });
  await closeDb();
  process.exit(0);
}
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);
