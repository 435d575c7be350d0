#!/usr/bin/env node
// Runs the Prisma CLI for this project: `node scripts/prisma.mjs <prisma arguments>`.
//
// With DATABASE_URL set, the CLI simply runs against that PostgreSQL server. Without it,
// commands that need a database get the embedded PGlite database: the data dir
// ${SLIPWAY_DATA_DIR:-.data}/pglite is opened here and served on a free 127.0.0.1 port with
// pglite-socket, since the CLI only reaches databases by URL. `migrate dev` and
// `migrate diff --from/--to-migrations` also get an in-memory PGlite as shadow database.
//
// The exit code is the CLI's, except that an error reported by the engine bridge fails the
// run even when the CLI exits 0 (it does when the engine dies mid-command).
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const env = { ...process.env };
const cleanups = [];

/** Serves a PGlite database (in memory without a dir) on a free local port; returns its URL. */
async function servePglite(dataDir) {
  const db = await PGlite.create(dataDir);
  // The CLI and the engine open several connections; pglite-socket runs their queries one
  // at a time and keeps a transaction's queries together.
  const server = new PGLiteSocketServer({ db, port: 0, maxConnections: 16 });
  await server.start();
  cleanups.push(async () => {
    await server.stop();
    await db.close(); // an unclosed PGlite delays exit and may not flush its data dir
  });
  return `postgres://postgres@${server.getServerConn()}/postgres`;
}

/** Runs the Prisma CLI; resolves to its exit code. */
function prisma(cliArgs) {
  const cli = spawn(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), ...cliArgs], {
    cwd: root, // where prisma.config.ts is found
    env,
    stdio: "inherit",
  });
  // Let the CLI finish (and us close PGlite) on Ctrl-C or a kill aimed at this process.
  const forward = (signal) => cli.kill(signal);
  process.on("SIGINT", forward).on("SIGTERM", forward);
  return new Promise((resolve) =>
    cli.on("close", (code) => {
      process.off("SIGINT", forward).off("SIGTERM", forward);
      resolve(code ?? 1);
    }),
  );
}

let exitCode = 1;
const errorDir = mkdtempSync(path.join(tmpdir(), "prisma-bridge-"));
env.PRISMA_BRIDGE_ERROR_FILE = path.join(errorDir, "errors.log");
try {
  if (!env.DATABASE_URL && ["migrate", "db"].includes(args[0])) {
    const dataDir = path.resolve(env.SLIPWAY_DATA_DIR ?? ".data", "pglite");
    mkdirSync(dataDir, { recursive: true });
    env.DATABASE_URL = await servePglite(dataDir);
    const replaysHistory = args[1] === "dev" || args.some((arg) => /^--(from|to)-migrations/.test(arg));
    if (args[0] === "migrate" && replaysHistory) env.SHADOW_DATABASE_URL = await servePglite();
  }
  exitCode = await prisma(args);
  // Prisma 7's `migrate dev` no longer regenerates the client.
  if (exitCode === 0 && args[0] === "migrate" && args[1] === "dev") exitCode = await prisma(["generate"]);

  let engineErrors = "";
  try {
    engineErrors = readFileSync(env.PRISMA_BRIDGE_ERROR_FILE, "utf8");
  } catch {} // no file: the bridge reported nothing
  if (engineErrors && exitCode === 0) {
    console.error(`prisma exited 0, but the schema engine reported errors:\n${engineErrors}`);
    exitCode = 1;
  }
} finally {
  for (const cleanup of cleanups) await cleanup();
  rmSync(errorDir, { recursive: true, force: true });
}
process.exit(exitCode);
