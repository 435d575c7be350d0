import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * A Slipway of its own, started as an operator does (`bash scripts/serve.sh` after `next build`:
 * migrations, admin, bucket, `next start`) with the settings in `env` on top of the test run's.
 */
export class AppInstance {
  readonly url: string;
  readonly dataDir = mkdtempSync(path.join(tmpdir(), "slipway-app-"));
  private child?: ChildProcess;
  private output = "";

  constructor(
    readonly port: number,
    private readonly env: Record<string, string | undefined>,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  /** Starts it and waits until /api/health answers 200. */
  async start(timeoutMs = 120_000): Promise<void> {
    const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(this.port), APP_URL: this.url, SLIPWAY_DATA_DIR: this.dataDir, ...this.env };
    for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
    // Its own process group, so stop() reaches `next start` and everything serve.sh spawned.
    const child = (this.child = spawn("bash", ["scripts/serve.sh"], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] }));
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-200_000));
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`serve.sh exited with ${child.exitCode}:\n${this.output}`);
      const status = await fetch(`${this.url}/api/health`).then(
        (response) => response.status,
        () => 0,
      );
      if (status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`the app on ${this.url} was not healthy within ${timeoutMs} ms:\n${this.output}`);
  }

  /** The last of what the server printed, for failure messages. */
  log(): string {
    return this.output;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child?.pid && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      process.kill(-child.pid, "SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) process.kill(-child.pid, "SIGKILL");
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
