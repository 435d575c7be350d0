import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { adminUrl } from "../support/database-templates";

// The committed migrations, applied from empty through scripts/prisma.mjs (the same path as
// `npm run db:migrate`), must build the schema the generated client expects, on both the
// embedded PGlite (PostgreSQL 18) and a real PostgreSQL server.

const TABLES = ["AuditEvent", "ScannerState", "Session", "ShareLink", "SignInAddress", "Upload", "UploadDailyStat", "UploadRequest", "User", "_prisma_migrations", "rate_limits"];

/** Runs the wrapper; resolves with its exit code and output instead of throwing. */
function prisma(args: string[], env: Record<string, string | undefined>) {
  return new Promise<{ code: number; output: string }>((resolve) => {
    execFile(process.execPath, ["scripts/prisma.mjs", ...args], { env: { ...process.env, ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
    );
  });
}

/** Migrates the empty database, checking `migrate status` before (pending) and after (up to date). */
async function migrateFromEmpty(env: Record<string, string | undefined>) {
  const before = await prisma(["migrate", "status"], env);
  expect(before.code, before.output).not.toBe(0);
  expect(before.output).toContain("not yet been applied");

  const deploy = await prisma(["migrate", "deploy"], env);
  expect(deploy.code, deploy.output).toBe(0);

  const after = await prisma(["migrate", "status"], env);
  expect(after.code, after.output).toBe(0);
  expect(after.output).toContain("Database schema is up to date");
}

/** Checks the tables, then writes a user and an upload through the generated client and reads them back. */
async function checkSchema(client: PrismaClient) {
  const tables = await client.$queryRaw<{ name: string }[]>`
    SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`;
  expect(tables.map((table) => table.name)).toEqual(TABLES);

  const user = await client.user.create({
    data: { email: "ada@example.test", name: "Ada", passwordHash: "argon2-hash", quotaBytes: 50n * 1024n ** 3n },
  });
  // Above 2^53: BigInt must survive both drivers without going through a JS number.
  const size = 2n ** 53n + 1n;
  const upload = await client.upload.create({
    data: {
      ownerId: user.id,
      key: `u/${user.id}/slot/report.pdf`,
      originalName: "report.pdf",
      contentType: "application/pdf",
      size,
      strategy: "MULTIPART",
      expiresAt: new Date("2030-01-01T00:00:00Z"),
    },
  });

  const read = await client.user.findUniqueOrThrow({ where: { id: user.id }, include: { uploads: true } });
  const { uploads, ...readUser } = read;
  expect(readUser).toEqual(user);
  expect(uploads).toEqual([upload]);
  expect(uploads[0].size).toBe(size);
  expect(uploads[0]).toMatchObject({ status: "PENDING", review: "NONE", md5: null });
}

describe("migrations on PGlite", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "slipway-migrations-"));
  const env = { DATABASE_URL: undefined, SLIPWAY_DATA_DIR: dataDir };
  let pglite: PGlite | undefined;
  let client: PrismaClient | undefined;

  afterAll(async () => {
    await client?.$disconnect();
    await pglite?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("migrates a new data dir, after which the client round-trips rows", async () => {
    await migrateFromEmpty(env);

    // Opened only now: PGlite holds its data dir exclusively, and the wrapper has released it.
    pglite = await PGlite.create(path.join(dataDir, "pglite"));
    client = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    await checkSchema(client);
  });
});

describe("migrations on PostgreSQL", () => {
  const name = `slipway_migrations_${randomBytes(6).toString("hex")}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const env = { DATABASE_URL: url.href };
  const admin = new pg.Client({ connectionString: adminUrl });
  let client: PrismaClient | undefined;

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  });

  afterAll(async () => {
    await client?.$disconnect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it("migrates a new database, after which the client round-trips rows", async () => {
    await migrateFromEmpty(env);

    client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.href }) });
    await checkSchema(client);
  });
});
