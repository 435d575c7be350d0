import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { db } from "@/lib/db";
import { must } from "./must";

export interface WorkerProcess {
  name: string;
  /** Resolves once the worker has started its queue workers; rejects when it exits first. */
  ready: Promise<void>;
  /** What it printed so far (stdout and stderr), for failure messages. */
  output(): string;
  /** Sends a signal to the whole worker (SIGSTOP pauses it, SIGCONT resumes it). */
  signal(signal: NodeJS.Signals): void;
  /** Kills the worker (SIGKILL by default: no graceful stop) and resolves once it is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

const READY_LINE = "worker: running";

/**
 * `npm run worker` (scripts/worker.sh) as a child process on this test file's database, with the
 * worker's name as its connections' application_name (recordClaims() writes it down). It runs in
 * its own process group: worker.sh goes through npx and tsx, so the Node that runs the jobs is a
 * grandchild, and a signal must reach it.
 */
export function startWorker(name: string, env: Record<string, string>, readyTimeoutMs = 90_000): WorkerProcess {
  const url = new URL(must(process.env.DATABASE_URL, "the test file's DATABASE_URL"));
  url.searchParams.set("application_name", name);
  const child = spawn("bash", ["scripts/worker.sh"], { env: { ...process.env, ...env, DATABASE_URL: url.toString() }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  const append = (chunk: Buffer) => (output += chunk.toString("utf8"));
  child.stdout.on("data", append);
  child.stderr.on("data", append);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let running = true;
  void exited.then(() => (running = false));

  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within ${readyTimeoutMs} ms:\n${output}`)), readyTimeoutMs);
    const check = () => {
      if (!output.includes(READY_LINE)) return;
      clearTimeout(timer);
      resolve();
    };
    child.stdout.on("data", check);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${name} exited before it was ready:\n${output}`));
    });
  });
  ready.catch(() => undefined); // awaited by the test; a kill before then is no failure of its own

  const signalGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined) throw new Error(`${name} has no process id`);
    process.kill(-child.pid, signal);
  };

  return {
    name,
    ready,
    output: () => output,
    signal: signalGroup,
    async kill(signal = "SIGKILL") {
      if (!running) return;
      try {
        signalGroup(signal);
      } catch {
        return; // the group is already gone
      }
      await exited;
    },
  };
}

/** A TCP port on 127.0.0.1 that nothing listens on (one the kernel just handed out and took back). */
export function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * Records which process claimed each processing run, in this test database only: a trigger notes
 * the connection's application_name whenever processingRun changes. Neither the workers' logs nor
 * pg-boss's job rows say which worker ran a job.
 */
export async function recordClaims(): Promise<void> {
  await db.$executeRawUnsafe(`CREATE TABLE test_claim (upload_id text NOT NULL, worker text NOT NULL, claimed_at timestamptz NOT NULL DEFAULT clock_timestamp())`);
  await db.$executeRawUnsafe(`CREATE FUNCTION test_record_claim() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO test_claim (upload_id, worker) VALUES (NEW."id", current_setting('application_name'));
      RETURN NEW;
    END $$`);
  await db.$executeRawUnsafe(`CREATE TRIGGER test_record_claim AFTER UPDATE OF "processingRun" ON "Upload"
    FOR EACH ROW WHEN (NEW."processingRun" IS DISTINCT FROM OLD."processingRun") EXECUTE FUNCTION test_record_claim()`);
}

/** The workers that claimed runs of these uploads, in order, per upload. */
export async function claims(uploadIds: string[]): Promise<Map<string, string[]>> {
  const rows = await db.$queryRaw<Array<{ uploadId: string; worker: string }>>`
    SELECT upload_id AS "uploadId", worker FROM test_claim WHERE upload_id = ANY(${uploadIds}) ORDER BY claimed_at`;
  const byUpload = new Map<string, string[]>(uploadIds.map((id) => [id, []]));
  for (const { uploadId, worker } of rows) byUpload.get(uploadId)?.push(worker);
  return byUpload;
}
