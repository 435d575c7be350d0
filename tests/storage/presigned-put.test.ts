import { createHash } from "node:crypto";
import { CompleteMultipartUploadCommand, CreateMultipartUploadCommand, GetObjectCommand } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { bucket, presignPut, s3 } from "@/lib/storage/s3";
import { must } from "../support/must";

// These run against the real radosgw: S3 itself must refuse whatever the signature forbids.
const key = (name: string) => `test/presign/${Date.now()}-${Math.random().toString(36).slice(2)}/${name}`;
const body = Buffer.from("hello, slipway\n".repeat(100));
const md5 = (bytes: Buffer) => createHash("md5").update(bytes).digest("base64");

async function put(url: string, headers: Record<string, string>, payload: Buffer) {
  const response = await fetch(url, { method: "PUT", headers, body: new Uint8Array(payload) });
  const text = await response.text();
  return { status: response.status, code: /<Code>([^<]+)<\/Code>/.exec(text)?.[1] };
}

describe("presigned PUT against radosgw", () => {
  it("accepts exactly the signed request and stores the bytes", async () => {
    const k = key("ok.txt");
    const signed = await presignPut({ key: k, contentType: "text/plain", contentLength: body.length, contentMd5: md5(body), expiresInSeconds: 60 });
    expect((await put(signed.url, signed.headers, body)).status).toBe(200);
    const stored = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: k }));
    expect(Buffer.from(await must(stored.Body, "a body").transformToByteArray())).toEqual(body);
    expect(stored.ContentType).toBe("text/plain");
  });

  it("refuses a different Content-Type", async () => {
    const signed = await presignPut({ key: key("type.txt"), contentType: "text/plain", contentLength: body.length, expiresInSeconds: 60 });
    const result = await put(signed.url, { "Content-Type": "text/html" }, body);
    expect(result.status).toBe(403);
    expect(result.code).toBe("SignatureDoesNotMatch");
  });

  it("refuses a different length", async () => {
    const signed = await presignPut({ key: key("length.txt"), contentType: "text/plain", contentLength: body.length, expiresInSeconds: 60 });
    const result = await put(signed.url, signed.headers, Buffer.concat([body, Buffer.from("extra")]));
    expect(result.status).toBe(403);
    expect(result.code).toBe("SignatureDoesNotMatch");
  });

  it("refuses bytes that do not match the signed Content-MD5", async () => {
    const signed = await presignPut({ key: key("md5.txt"), contentType: "text/plain", contentLength: body.length, contentMd5: md5(body), expiresInSeconds: 60 });
    const corrupted = Buffer.from(body);
    corrupted[10] ^= 0xff;
    const result = await put(signed.url, signed.headers, corrupted);
    expect(result.status).toBe(400);
    expect(result.code).toBe("BadDigest");
  });

  it("refuses a PUT that asks for a public ACL, or leaves the signed ACL out", async () => {
    const signed = await presignPut({ key: key("acl.txt"), contentType: "text/plain", contentLength: body.length, expiresInSeconds: 60 });
    expect(signed.headers["x-amz-acl"]).toBe("private");
    for (const acl of ["public-read", "public-read-write"]) {
      const result = await put(signed.url, { ...signed.headers, "x-amz-acl": acl }, body);
      expect(result, acl).toEqual({ status: 403, code: "SignatureDoesNotMatch" });
    }
    const { "x-amz-acl": _, ...withoutAcl } = signed.headers;
    expect(await put(signed.url, withoutAcl, body)).toEqual({ status: 403, code: "SignatureDoesNotMatch" });
  });

  it("stores objects nobody can read without a signature", async () => {
    const k = key("private.txt");
    const signed = await presignPut({ key: k, contentType: "text/plain", contentLength: body.length, expiresInSeconds: 60 });
    expect((await put(signed.url, signed.headers, body)).status).toBe(200);
    const { origin, pathname } = new URL(signed.url);
    const anonymous = await fetch(`${origin}${pathname}`);
    expect(anonymous.status).toBe(403);
    expect(await anonymous.text()).not.toContain("hello, slipway");
  });

  it("keeps a multipart object private even when a part PUT asks for a public ACL", async () => {
    const k = key("parts.txt");
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: k, ContentType: "text/plain" }));
    const signed = await presignPut({ key: k, contentLength: body.length, expiresInSeconds: 60, part: { uploadId: must(UploadId, "an UploadId"), number: 1 } });
    const response = await fetch(signed.url, { method: "PUT", headers: { ...signed.headers, "x-amz-acl": "public-read" }, body: new Uint8Array(body) });
    expect(response.status).toBe(200);
    const parts = [{ PartNumber: 1, ETag: must(response.headers.get("etag"), "an ETag on the part PUT") }];
    await s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: k, UploadId, MultipartUpload: { Parts: parts } }));
    const { origin, pathname } = new URL(signed.url);
    expect((await fetch(`${origin}${pathname}`)).status).toBe(403);
  });

  it("refuses the URL once it has expired", async () => {
    const signed = await presignPut({ key: key("late.txt"), contentType: "text/plain", contentLength: body.length, expiresInSeconds: 1 });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const result = await put(signed.url, signed.headers, body);
    expect(result.status).toBe(403);
    expect(result.code).toBe("AccessDenied");
  });
});
