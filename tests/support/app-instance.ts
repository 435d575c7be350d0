import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

// One built Slipway (`npm run build` first) served by scripts/serve.sh, as an operator starts each
// instance: its own port and data dir, everything shared (database, bucket, AUTH_SECRET) from env.
// The two-instance test, the load bench and the e2e specs that need a server of their own use it.

/** What the test runner's own environment must not leak into an app it starts (lib/env sets NEXTAUTH_URL in the runner). */
const RUNNER_ONLY = ["NODE_ENV", "DATABASE_URL", "SLIPWAY_DATA_DIR", "CLAMD_HOST", "PORT", "APP_URL", "NEXTAUTH_URL", "S3_BUCKET"];

export interface AppInstance {
  url: string;
  /** The instance's process group: serve.sh and everything it runs (next and its workers). */
  processGroup: number;
  /** Everything the instance printed so far (startup, workers, errors). */
  output(): string;
  /** SIGTERM to the instance and all it started; resolves with its exit code once it is gone. */
  stop(): Promise<number | null>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

interface StartOptions {
  /** `server.ts` alone restarts an instance on a data dir serve.sh already prepared (migrations, admin, bucket). */
  command?: "serve.sh" | "server.ts";
  timeoutMs?: number;
}

/**
 * Starts `bash scripts/serve.sh` on `port` and resolves once /api/health answers 200. `env` comes
 * on top of the runner's environment (less RUNNER_ONLY); an undefined value removes a variable.
 */
export async function startAppInstance(
  port: number,
  env: Record<string, string | undefined>,
  { command = "serve.sh", timeoutMs = 180_000 }: StartOptions = {},
): Promise<AppInstance> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "slipway-instance-"));
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const name of RUNNER_ONLY) delete childEnv[name];
  Object.assign(childEnv, { NEXT_TELEMETRY_DISABLED: "1", SLIPWAY_DATA_DIR: dataDir, PORT: String(port) }, env);
  for (const [name, value] of Object.entries(childEnv)) if (value === undefined) delete childEnv[name];
  // serve.sh sets NODE_ENV itself; server.ts alone needs it said, as serve.sh would.
  const [program, args] = command === "serve.sh" ? ["bash", ["scripts/serve.sh"]] : ["node", ["server.ts", "--port", String(port)]];
  if (command === "server.ts") Object.assign(childEnv, { NODE_ENV: childEnv.NODE_ENV ?? "production" });
  // Its own process group, so that stopping it reaches next and whatever serve.sh is running.
  const child = spawn(program, args, {
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve((exitCode = code))));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };

  const instance: AppInstance = {
    url: `http://127.0.0.1:${port}`,
    processGroup: child.pid ?? 0,
    output: () => output,
    async stop() {
      if (exitCode === undefined) {
        signalGroup("SIGTERM");
        const killer = setTimeout(() => signalGroup("SIGKILL"), 15_000);
        await exited;
        clearTimeout(killer);
      }
      rmSync(dataDir, { recursive: true, force: true });
      return exitCode ?? null;
    },
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exitCode !== undefined) throw new Error(`the app on :${port} exited (${exitCode}) during startup:\n${output}`);
    const healthy = await fetch(`${instance.url}/api/health`, { signal: AbortSignal.timeout(5000) })
      .then((response) => response.status === 200)
      .catch(() => false);
    if (healthy) return instance;
    if (Date.now() > deadline) {
      await instance.stop();
      throw new Error(`the app on :${port} was not healthy within ${timeoutMs / 1000} s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
