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
  it("is 200 with db and s3 ok", async () => {
    expect(await health({})).toEqual({ status: 200, body: { db: "ok", s3: "ok" } });
  });

  it("is 503 naming storage when S3 does not answer", async () => {
    expect(await health({ S3_ENDPOINT: "http://127.0.0.1:9" })).toEqual({ status: 503, body: { db: "ok", s3: "down" } });
  });

  it("is 503 naming the database when it does not answer", async () => {
    await closeDb();
    const result = await health({ DATABASE_URL: "postgres://nobody@127.0.0.1:9/none" });
    await closeDb();
    expect(result).toEqual({ status: 503, body: { db: "down", s3: "ok" } });
  });
});
