import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import { e2eServer } from "./server";

/** A TCP port free on 127.0.0.1 right now (as scripts/free-port.sh, in process: the runner's NODE_OPTIONS would reach a child). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export interface SpawnedServer {
  url: string;
  /** SIGTERM; resolves with the exit code once the process is gone. */
  stop(): Promise<number | null>;
}

/**
 * A second Slipway on its own port, data dir and bucket, from the same build, for settings the
 * shared e2e server cannot have (TRUST_PROXY, small limits). `command` defaults to
 * scripts/serve.sh (migrations, admin, bucket, server); a restart on a prepared data dir can run
 * server.ts alone.
 */
export async function spawnServer(settings: Record<string, string>, command: string[] = ["bash", "scripts/serve.sh"]): Promise<SpawnedServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    PORT: String(port),
    APP_URL: url,
    NEXTAUTH_URL: url, // the runner's lib/env set it to its own APP_URL
    ADMIN_EMAIL: e2eServer.admin.email,
    ADMIN_PASSWORD: e2eServer.admin.password,
    ...settings,
  };
  const child: ChildProcess = spawn(command[0], [...command.slice(1), ...(command[0] === "node" ? ["--port", String(port)] : [])], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) throw new Error(`the server did not answer in 120 s:\n${output}`);
    if ((await fetch(`${url}/api/health`).catch(() => null))?.status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    stop: () => {
      child.kill("SIGTERM");
      return exited;
    },
  };
}

/** A data dir for a spawned server, emptied first. */
export function freshDataDir(name: string): string {
  const dir = `.data/${name}`;
  rmSync(dir, { recursive: true, force: true });
  return dir;
}
