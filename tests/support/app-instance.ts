import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

// One built Slipway (`npm run build` first) served by scripts/serve.sh, as an operator starts each
// instance: its own port and data dir, everything shared (database, bucket, AUTH_SECRET) from env.

/** What the test runner's own environment must not leak into an app it starts. */
const RUNNER_ONLY = ["NODE_ENV", "DATABASE_URL", "SLIPWAY_DATA_DIR", "CLAMD_HOST", "PORT", "APP_URL", "S3_BUCKET"];

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

/** Starts `bash scripts/serve.sh` on `port` and resolves once /api/health answers 200. */
export async function startAppInstance(port: number, env: Record<string, string>, timeoutMs = 180_000): Promise<AppInstance> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "slipway-instance-"));
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const name of RUNNER_ONLY) delete childEnv[name];
  Object.assign(childEnv, { NEXT_TELEMETRY_DISABLED: "1", SLIPWAY_DATA_DIR: dataDir, PORT: String(port) }, env);
  // Its own process group, so that stopping it reaches next and whatever serve.sh is running.
  const child = spawn("bash", ["scripts/serve.sh"], {
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
