import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import net from "node:net";
import path from "node:path";
import { expect, it } from "vitest";
import { CookieJar } from "../support/cookie-jar";
import { must } from "../support/must";

// The README's run command, for real: an empty data dir, its own object store and ports.
const freePort = () => Number(execFileSync("bash", ["scripts/free-port.sh"], { encoding: "utf8" }));
const ports = { app: freePort(), s3: freePort(), mon: freePort(), clamd: freePort() };
const base = `http://127.0.0.1:${ports.app}`;

/** clamd speaks no HTTP: whether anything still listens on the port. */
function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.on("connect", () => (socket.destroy(), resolve(false)));
    socket.on("error", () => resolve(true));
  });
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs: number, exited: () => boolean) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited()) throw new Error(`scripts/up.sh exited while waiting for ${what}`);
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`timed out waiting for ${what}`);
}

it("scripts/up.sh brings up a working app on an empty data dir and stops cleanly", { timeout: 600_000 }, async () => {
  const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "slipway-smoke-")), "data");
  // The PATH a person's shell has: without the Node that scripts/test.sh put first, so up.sh must
  // choose a supported Node itself.
  const shellPath = (process.env.PATH ?? "")
    .split(":")
    .filter((dir) => !dir.includes("/.tools/"))
    .join(":");
  const env = {
    ...process.env,
    PATH: shellPath,
    SLIPWAY_DATA_DIR: dataDir,
    PORT: String(ports.app),
    S3_PORT: String(ports.s3),
    CEPH_MON_PORT: String(ports.mon),
    CLAMD_PORT: String(ports.clamd),
  };
  // The run command's own defaults, not the test runner's settings (its own object store and clamd).
  for (const name of ["S3_BUCKET", "S3_ENDPOINT", "DATABASE_URL", "NODE_ENV", "npm_config_nodedir", "CLAMD_HOST", "SCAN_MAX_BYTES"]) delete (env as Record<string, unknown>)[name];
  const child = spawn("bash", ["scripts/up.sh"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  let exitCode: number | null = null;
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve((exitCode = code))));

  try {
    await waitFor(
      async () => (await fetch(`${base}/api/health`)).status === 200,
      "a healthy app",
      480_000,
      () => exitCode !== null,
    );
    expect(await (await fetch(`${base}/api/health`)).json()).toEqual({ db: "ok", s3: "ok", scanner: "ok" });
    const serverNode = /server running on Node v(\d+)\./.exec(output)?.[1];
    expect(Number(serverNode), output).toBeGreaterThanOrEqual(24);

    const email = /email:\s+(\S+)/.exec(output)?.[1];
    const password = /password:\s+(\S+)/.exec(output)?.[1];
    expect(email, output).toBe("admin@slipway.local");
    const jar = new CookieJar();
    await jar.signIn(base, must(email, `an email in the output:\n${output}`), must(password, `a password in the output:\n${output}`));

    const bytes = new TextEncoder().encode("uploaded through the README's run command\n");
    const created = await jar.fetch(`${base}/api/uploads`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "hello.txt", type: "text/plain", size: bytes.length }),
    });
    expect(created.status).toBe(201);
    const ticket = await created.json();
    expect((await fetch(ticket.url, { method: "PUT", headers: ticket.headers, body: bytes })).status).toBe(200);
    const completed = await jar.fetch(`${base}/api/uploads/${ticket.upload.id}/complete`, { method: "POST" });
    expect((await completed.json()).upload.status).toBe("COMPLETE");
    // The app's own workers scan it with up.sh's clamd.
    await waitFor(
      async () => (await (await jar.fetch(`${base}/api/uploads/${ticket.upload.id}`)).json()).upload.processing.state === "clean",
      "the file scanned clean",
      60_000,
      () => exitCode !== null,
    );

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    await expect(fetch(`${base}/api/health`)).rejects.toThrow();
    await expect(fetch(`http://127.0.0.1:${ports.s3}/`)).rejects.toThrow();
    expect(await refusesConnections(ports.clamd), "clamd stopped with the app").toBe(true);
  } finally {
    if (exitCode === null) child.kill("SIGKILL");
    spawnSync("bash", ["scripts/object-store.sh", "stop"], { env, stdio: "ignore" });
    spawnSync("bash", ["scripts/clamd.sh", "stop"], { env, stdio: "ignore" });
    rmSync(path.dirname(dataDir), { recursive: true, force: true });
  }
});
