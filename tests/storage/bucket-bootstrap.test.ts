import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { CreateBucketCommand, DeleteBucketCommand, GetBucketCorsCommand, GetBucketLifecycleConfigurationCommand } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { bucket, s3 } from "@/lib/storage/s3";
import { must } from "../support/must";

// scripts/test.sh bootstraps the test bucket for the e2e app origin before the tests run.
describe("bucket bootstrap", () => {
  it("sets CORS for the app origin: GET, PUT, HEAD, the headers presigned PUTs send, exposing ETag", async () => {
    const { CORSRules } = await s3.send(new GetBucketCorsCommand({ Bucket: bucket }));
    expect(CORSRules).toHaveLength(1);
    const [rule] = must(CORSRules, "CORS rules");
    expect([...must(rule.AllowedOrigins, "AllowedOrigins")].sort()).toEqual(["http://127.0.0.1:3100", "http://localhost:3100"]);
    expect([...must(rule.AllowedMethods, "AllowedMethods")].sort()).toEqual(["GET", "HEAD", "PUT"]);
    expect([...must(rule.AllowedHeaders, "AllowedHeaders")].sort()).toEqual([
      "content-md5",
      "content-type",
      "x-amz-acl",
      "x-amz-server-side-encryption",
      "x-amz-server-side-encryption-aws-kms-key-id",
    ]);
    expect(rule.ExposeHeaders).toEqual(["ETag"]);
  });

  it("aborts incomplete multipart uploads after 7 days", async () => {
    const { Rules } = await s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket }));
    expect(Rules).toEqual([expect.objectContaining({ ID: "abort-incomplete-multipart", Status: "Enabled", AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } })]);
  });

  it("refuses a cross-origin preflight from any other origin", async () => {
    const { hostname: endpoint, port } = await must(s3.config.endpoint, "an endpoint on the S3 client")();
    const preflight = (origin: string, headers = "content-type") =>
      fetch(`http://${endpoint}:${port}/${bucket}/u/x`, {
        method: "OPTIONS",
        headers: { Origin: origin, "Access-Control-Request-Method": "PUT", "Access-Control-Request-Headers": headers },
      });
    const allowed = await preflight("http://127.0.0.1:3100", "content-md5,content-type,x-amz-acl,x-amz-server-side-encryption,x-amz-server-side-encryption-aws-kms-key-id");
    expect(allowed.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:3100");
    const refused = await preflight("http://evil.example");
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    const otherHeader = await preflight("http://127.0.0.1:3100", "content-type,x-amz-grant-read");
    expect(otherHeader.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("bucket bootstrap with S3_MANAGE_BUCKET=false", () => {
  it("leaves a bucket managed elsewhere as it is: no CORS, no lifecycle rule written", async () => {
    const name = `unmanaged-${randomUUID().slice(0, 8)}`;
    await s3.send(new CreateBucketCommand({ Bucket: name }));
    try {
      const env = { ...process.env, S3_BUCKET: name, S3_MANAGE_BUCKET: "false", APP_URL: "http://127.0.0.1:3100" };
      const { stdout, stderr } = await promisify(execFile)("bash", ["scripts/tsx-server.sh", "scripts/bootstrap-bucket.ts"], { env });
      expect(stderr).toBe("");
      expect(stdout).toContain(`bucket ${name}`);
      await expect(s3.send(new GetBucketCorsCommand({ Bucket: name }))).rejects.toMatchObject({ name: "NoSuchCORSConfiguration" });
      await expect(s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: name }))).rejects.toMatchObject({ name: "NoSuchLifecycleConfiguration" });
    } finally {
      await s3.send(new DeleteBucketCommand({ Bucket: name }));
    }
  });
});
