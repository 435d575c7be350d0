import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { adminQuery, databaseUrl, removeDir } from "./database-templates";

// Runs before each integration test file is imported: points lib/env at a private copy of the
// migrated template, so files can run in parallel and leave nothing behind.
const template = inject("databaseTemplate");
const kind = process.env.VITEST_PROJECT_DB;
const dataDir = mkdtempSync(path.join(tmpdir(), "slipway-test-"));
process.env.SLIPWAY_DATA_DIR = dataDir;

let dropDatabase: (() => Promise<void>) | undefined;
if (kind === "postgres") {
  const name = `slipway_test_${process.pid}_${Date.now()}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  // Not UTC on purpose: Prisma keeps UTC in "timestamp without time zone" columns, so SQL that
  // compares them with NOW() is only right if it says which zone it means.
  await adminQuery(`ALTER DATABASE ${name} SET timezone TO 'America/New_York'`);
  process.env.DATABASE_URL = databaseUrl(name);
  dropDatabase = () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
} else {
  delete process.env.DATABASE_URL;
  cpSync(path.join(template, "pglite"), path.join(dataDir, "pglite"), { recursive: true });
}

afterAll(async () => {
  // The job queue shares the connection (PGlite) or the database: it stops first.
  const { stopBoss } = await import("@/lib/jobs/boss");
  await stopBoss({ graceful: false });
  const { closeDb } = await import("@/lib/db");
  await closeDb();
  await dropDatabase?.();
  removeDir(dataDir);
});
