import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

// Migrating a new database takes seconds (PGlite up to ~10 s), so each test run migrates one
// template per kind, and every test file gets a cheap copy of it.

export const adminUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres:postgres@127.0.0.1:5432/postgres";

export function migrate(env: Record<string, string | undefined>): void {
  execFileSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], { env: { ...process.env, ...env }, stdio: "pipe" });
  execFileSync(process.execPath, ["scripts/prisma.mjs", "migrate", "status"], { env: { ...process.env, ...env }, stdio: "pipe" });
}

export function databaseUrl(name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A migrated PGlite data dir (SLIPWAY_DATA_DIR layout: <dir>/pglite). */
export function createPgliteTemplate(): string {
  const dataDir = mkdtempSync(path.join(tmpdir(), "slipway-template-"));
  migrate({ DATABASE_URL: undefined, SLIPWAY_DATA_DIR: dataDir });
  return dataDir;
}

/** A migrated PostgreSQL database to clone with CREATE DATABASE ... TEMPLATE. */
export async function createPostgresTemplate(): Promise<string> {
  const name = `slipway_template_${process.pid}_${Date.now()}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  migrate({ DATABASE_URL: databaseUrl(name) });
  return name;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
