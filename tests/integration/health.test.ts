import { afterEach, describe, expect, it, vi } from "vitest";
import { closeDb } from "@/lib/db";

// The health route is a plain handler: load it under different settings and call it.
async function health(overrides: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(overrides)) vi.stubEnv(name, value);
  const { GET } = await import("@/app/api/health/route");
  const response = await GET();
  return { status: response.status, body: await response.json() };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("GET /api/health", () => {
  it("is 200 with db and s3 ok, and says when files are not scanned", async () => {
    expect(await health({})).toEqual({ status: 200, body: { db: "ok", s3: "ok", scanner: "off" } });
  });

  it("is 200 with the scanner ok when clamd answers", async () => {
    const clamd = { CLAMD_HOST: process.env.TEST_CLAMD_HOST ?? "", CLAMD_PORT: process.env.TEST_CLAMD_PORT ?? "" };
    expect(clamd.CLAMD_HOST, "run through npm test: it starts a clamd").not.toBe("");
    expect(await health(clamd)).toEqual({ status: 200, body: { db: "ok", s3: "ok", scanner: "ok" } });
  });

  it("is 503 naming the scanner when clamd does not answer", async () => {
    expect(await health({ CLAMD_HOST: "127.0.0.1", CLAMD_PORT: "9" })).toEqual({ status: 503, body: { db: "ok", s3: "ok", scanner: "down" } });
  });

  it("is 503 naming storage when S3 does not answer", async () => {
    expect(await health({ S3_ENDPOINT: "http://127.0.0.1:9" })).toEqual({ status: 503, body: { db: "ok", s3: "down", scanner: "off" } });
  });

  it("is 503 naming the database when it does not answer", async () => {
    await closeDb();
    const result = await health({ DATABASE_URL: "postgres://nobody@127.0.0.1:9/none" });
    await closeDb();
    expect(result).toEqual({ status: 503, body: { db: "down", s3: "ok", scanner: "off" } });
  });
});
