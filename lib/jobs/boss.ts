import "server-only";
import { fromPglite, PgBoss } from "pg-boss";
import { embeddedDatabase } from "../db";
import { env } from "../env";
import { queueDefinitions } from "./queues";

function create(): PgBoss {
  const pglite = env.DATABASE_URL ? undefined : embeddedDatabase();
  const common = {
    application_name: "slipway-jobs",
    // Missed heartbeats are noticed on the supervise pass (60 s by default): keep it near the heartbeat.
    superviseIntervalSeconds: Math.min(env.PROCESSING_HEARTBEAT_SECONDS, 30),
    monitorIntervalSeconds: Math.min(env.PROCESSING_HEARTBEAT_SECONDS, 30),
  };
  // With the embedded database the queue shares its one connection (pg-boss's PGlite adapter).
  return pglite ? new PgBoss({ ...common, db: fromPglite(pglite), backend: "pglite" }) : new PgBoss({ ...common, connectionString: env.DATABASE_URL, max: 4 });
}

async function start(): Promise<PgBoss> {
  const boss = create();
  boss.on("error", (error) => console.error("jobs:", error));
  await boss.start();
  for (const queue of queueDefinitions()) {
    // pg-boss refuses to change a queue's policy, heartbeat or retry ceiling after creation.
    const { name, policy, heartbeatSeconds, retryDelayMax, ...tunable } = queue;
    if (await boss.getQueue(name)) await boss.updateQueue(name, tunable);
    else await boss.createQueue(name, queue);
  }
  return boss;
}

// Started on first use and shared, like lib/db.ts (dev-mode reloads reuse it).
const store = globalThis as unknown as { slipwayBoss?: Promise<PgBoss> };

export function getBoss(): Promise<PgBoss> {
  store.slipwayBoss ??= start().catch((error: unknown) => {
    store.slipwayBoss = undefined;
    throw error;
  });
  return store.slipwayBoss;
}

/** Stops the queue (workers finish or give back their jobs) before the database closes. */
export async function stopBoss(options: { graceful?: boolean } = {}): Promise<void> {
  const current = store.slipwayBoss;
  store.slipwayBoss = undefined;
  if (!current) return;
  const boss = await current.catch(() => undefined);
  await boss?.stop({ graceful: options.graceful ?? true, timeout: 30_000 });
}
