import { PutObjectCommand, UploadPartCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { afterEach, describe, expect, it, vi } from "vitest";
import { bucket, presignPut, s3 } from "@/lib/storage/s3";

function signedHeaders(url: string): string[] {
  return (new URL(url).searchParams.get("X-Amz-SignedHeaders") ?? "").split(";");
}

function checksumParameters(url: string): string[] {
  const names = [...new URL(url).searchParams.keys()].map((name) => name.toLowerCase());
  return names.filter((name) => name.startsWith("x-amz-checksum-") || name === "x-amz-sdk-checksum-algorithm");
}

describe("presignPut", () => {
  const base = { key: "u/user/upload/report.pdf", contentLength: 1234, contentType: "application/pdf", expiresInSeconds: 900 };

  it("carries no flexible-checksum parameters, which real S3 would then demand", async () => {
    const { url } = await presignPut({ ...base, contentMd5: "1B2M2Y8AsgTpgAmY7PhCfg==" });
    expect(checksumParameters(url)).toEqual([]);
    expect(url.toLowerCase()).not.toContain("checksum");
  });

  // presignPut signs without the SDK's middleware; these guard the client setting
  // (requestChecksumCalculation: WHEN_REQUIRED) for anything presigned through the SDK itself.
  it("has a client that adds no checksums to SDK-presigned PUTs and parts either", async () => {
    const put = await getSignedUrl(s3, new PutObjectCommand({ Bucket: bucket, Key: base.key, ContentType: "text/plain", ContentLength: 5 }), { expiresIn: 60 });
    const part = await getSignedUrl(s3, new UploadPartCommand({ Bucket: bucket, Key: base.key, UploadId: "2~abc", PartNumber: 1, ContentLength: 5 }), { expiresIn: 60 });
    expect(checksumParameters(put)).toEqual([]);
    expect(checksumParameters(part)).toEqual([]);
  });

  it("signs content-type, content-length and x-amz-acl, and content-md5 when given", async () => {
    const plain = await presignPut(base);
    expect(signedHeaders(plain.url)).toEqual(expect.arrayContaining(["content-length", "content-type", "host", "x-amz-acl"]));
    expect(signedHeaders(plain.url)).not.toContain("content-md5");
    expect(plain.headers).toEqual({ "Content-Type": "application/pdf", "x-amz-acl": "private" });

    const withMd5 = await presignPut({ ...base, contentMd5: "1B2M2Y8AsgTpgAmY7PhCfg==" });
    expect(signedHeaders(withMd5.url)).toEqual(expect.arrayContaining(["content-length", "content-md5", "content-type", "host", "x-amz-acl"]));
    expect(withMd5.headers).toEqual({ "Content-Type": "application/pdf", "Content-MD5": "1B2M2Y8AsgTpgAmY7PhCfg==", "x-amz-acl": "private" });
  });

  it("keeps the ACL a header the browser must send, not a query parameter", async () => {
    const { url } = await presignPut(base);
    expect([...new URL(url).searchParams.keys()].map((name) => name.toLowerCase())).not.toContain("x-amz-acl");
  });

  it("expires when asked, at most as the caller says, and targets the server-chosen key", async () => {
    const before = Date.now();
    const { url, expiresAt } = await presignPut({ ...base, expiresInSeconds: 60 });
    const parsed = new URL(url);
    expect(parsed.searchParams.get("X-Amz-Expires")).toBe("60");
    expect(expiresAt.getTime() - before).toBeLessThanOrEqual(61_000);
    expect(parsed.pathname).toBe(`/${bucket}/u/user/upload/report.pdf`);
  });

  it("scopes a part URL to its upload id and part number", async () => {
    const { url, headers } = await presignPut({ key: base.key, contentLength: 5 * 1024 * 1024, expiresInSeconds: 900, part: { uploadId: "2~abc/def+", number: 7 } });
    const parsed = new URL(url);
    expect(parsed.searchParams.get("partNumber")).toBe("7");
    expect(parsed.searchParams.get("uploadId")).toBe("2~abc/def+");
    expect(headers).toEqual({});
  });
});

describe("presignPut with S3_SSE", () => {
  const base = { key: "u/user/upload/report.pdf", contentLength: 1234, contentType: "application/pdf", expiresInSeconds: 900 };
  const kmsHeaders = { "x-amz-server-side-encryption": "aws:kms", "x-amz-server-side-encryption-aws-kms-key-id": "slipway-local" };

  // lib/env is read once, at import: load the signer afresh with the setting.
  async function signerWith(vars: Record<string, string>) {
    vi.resetModules();
    for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
    return (await import("@/lib/storage/s3")).presignPut;
  }
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("aws:kms: signs both encryption headers, keeps them headers, and hands them to the browser", async () => {
    const sign = await signerWith({ S3_SSE: "aws:kms", S3_SSE_KMS_KEY_ID: "slipway-local" });
    const { url, headers } = await sign(base);
    expect(signedHeaders(url)).toEqual(expect.arrayContaining(["x-amz-server-side-encryption", "x-amz-server-side-encryption-aws-kms-key-id", "x-amz-acl"]));
    expect([...new URL(url).searchParams.keys()].filter((name) => name.toLowerCase().startsWith("x-amz-server-side"))).toEqual([]);
    expect(headers).toEqual({ "Content-Type": "application/pdf", "x-amz-acl": "private", ...kmsHeaders });
    expect(checksumParameters(url)).toEqual([]);
  });

  it("AES256: signs the one header", async () => {
    const sign = await signerWith({ S3_SSE: "AES256" });
    const { url, headers } = await sign(base);
    expect(signedHeaders(url)).toContain("x-amz-server-side-encryption");
    expect(signedHeaders(url)).not.toContain("x-amz-server-side-encryption-aws-kms-key-id");
    expect(headers["x-amz-server-side-encryption"]).toBe("AES256");
  });

  it("parts carry no encryption headers: they inherit CreateMultipartUpload's", async () => {
    const sign = await signerWith({ S3_SSE: "aws:kms", S3_SSE_KMS_KEY_ID: "slipway-local" });
    const { url, headers } = await sign({ key: base.key, contentLength: 5 * 1024 * 1024, expiresInSeconds: 900, part: { uploadId: "2~abc", number: 1 } });
    expect(headers).toEqual({});
    expect(signedHeaders(url).filter((name) => name.startsWith("x-amz-server-side"))).toEqual([]);
  });
});
