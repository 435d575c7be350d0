import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { HeadBucketCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { s3 } from "@/lib/storage/s3";

const APP_URL = "http://127.0.0.1:3100";

/** scripts/bootstrap-bucket.ts against Swift, as scripts/serve.sh runs it, for `bucketName`. */
async function bootstrap(bucketName: string, extra: Record<string, string> = {}) {
  const env = { ...process.env, S3_BUCKET: bucketName, APP_URL, ...extra };
  try {
    const { stdout, stderr } = await promisify(execFile)("bash", ["scripts/tsx-server.sh", "scripts/bootstrap-bucket.ts"], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

const exists = (bucketName: string) =>
  s3.send(new HeadBucketCommand({ Bucket: bucketName })).then(
    () => true,
    (error) => (error.$metadata?.httpStatusCode === 404 ? false : Promise.reject(error)),
  );

describe("bucket bootstrap on OpenStack Swift (no bucket CORS or lifecycle API)", () => {
  it("creates the bucket, warns what to configure by hand, and exits 0 so Slipway starts", async () => {
    const name = `boot-${randomUUID().slice(0, 8)}`;
    const run = await bootstrap(name);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`bucket ${name}`);
    expect(run.stdout).toContain("created");
    expect(await exists(name)).toBe(true);

    const [cors, lifecycle, ...rest] = run.stderr.trim().split("\n");
    expect(rest).toEqual([]);
    expect(cors).toMatch(/^bootstrap-bucket: WARNING: .* has no bucket cors API \(NotImplemented\)/);
    for (const needed of ["http://127.0.0.1:3100", "http://localhost:3100", "GET, PUT, HEAD", "content-type, content-md5, x-amz-acl", "ETag"]) expect(cors).toContain(needed);
    expect(lifecycle).toMatch(/^bootstrap-bucket: WARNING: .* has no bucket lifecycle API/);
    expect(lifecycle).toContain("sweeper is the only cleanup");

    // A second run (every start) finds the bucket and still starts.
    const again = await bootstrap(name);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain("exists");
  });

  it("S3_MANAGE_BUCKET=false changes nothing: a missing bucket is a clear error and stays missing", async () => {
    const name = `unmanaged-${randomUUID().slice(0, 8)}`;
    const missing = await bootstrap(name, { S3_MANAGE_BUCKET: "false" });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`bucket ${name} does not exist on ${process.env.S3_ENDPOINT}; with S3_MANAGE_BUCKET=false Slipway does not create it`);
    expect(await exists(name)).toBe(false);
  });

  it("S3_MANAGE_BUCKET=false on an existing bucket: checks it, no warning, nothing written", async () => {
    const name = `unmanaged-${randomUUID().slice(0, 8)}`;
    expect((await bootstrap(name)).code).toBe(0);
    const run = await bootstrap(name, { S3_MANAGE_BUCKET: "false" });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("S3_MANAGE_BUCKET=false");
    expect((await s3.send(new ListObjectsV2Command({ Bucket: name }))).KeyCount).toBe(0);
  });

  it("S3_MANAGE_BUCKET=false with a wrong secret or an endpoint that is down: a clear error, exit 1", async () => {
    const denied = await bootstrap("slipway-swift", { S3_MANAGE_BUCKET: "false", S3_SECRET_ACCESS_KEY: "not-the-secret" });
    expect([denied.code, denied.stderr]).toEqual([1, expect.stringContaining("access to bucket slipway-swift denied")]);
    const down = await bootstrap("slipway-swift", { S3_MANAGE_BUCKET: "false", S3_ENDPOINT: "http://127.0.0.1:1" });
    expect([down.code, down.stderr]).toEqual([1, expect.stringContaining("nothing answers on http://127.0.0.1:1")]);
  });
});
