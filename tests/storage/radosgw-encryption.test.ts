import { randomBytes } from "node:crypto";
import { CopyObjectCommand, CreateMultipartUploadCommand, HeadObjectCommand, PutObjectCommand, UploadPartCopyCommand, AbortMultipartUploadCommand } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { bucket, s3 } from "@/lib/storage/s3";

// What radosgw 16 does with server-side encryption, as docs/api.md ("Encryption at rest") and
// lib/storage/copy-in-parts.ts rely on it. A newer radosgw that changes any of it fails here first.
const kms = { ServerSideEncryption: "aws:kms", SSEKMSKeyId: "slipway-local" } as const;
const key = (name: string) => `test/radosgw-sse/${randomBytes(6).toString("hex")}/${name}`;
const body = randomBytes(1000);

describe("radosgw 16 server-side encryption", () => {
  it("SSE-KMS with the local testing KMS: stored and reported with the key id; the ETag stays the MD5 here", async () => {
    const k = key("kms.bin");
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: k, Body: body, ...kms }));
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: k }));
    expect([head.ServerSideEncryption, head.SSEKMSKeyId]).toEqual(["aws:kms", "slipway-local"]);
  });

  it("refuses a KMS key it does not know", async () => {
    await expect(
      s3.send(new PutObjectCommand({ Bucket: bucket, Key: key("unknown.bin"), Body: body, ServerSideEncryption: "aws:kms", SSEKMSKeyId: "no-such-key" })),
    ).rejects.toMatchObject({
      $metadata: { httpStatusCode: 403 },
    });
  });

  it("accepts AES256 but reports no encryption (it has no SSE-S3: the object is stored in plaintext)", async () => {
    const k = key("aes.bin");
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: k, Body: body, ServerSideEncryption: "AES256" }));
    expect((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: k }))).ServerSideEncryption).toBeUndefined();
  });

  it("cannot CopyObject an encrypted object (501 NotImplemented), but copies it with UploadPartCopy, ignoring if-match there", async () => {
    const from = key("source.bin");
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: from, Body: body, ...kms }));
    await expect(s3.send(new CopyObjectCommand({ Bucket: bucket, Key: key("copy.bin"), CopySource: `${bucket}/${from}`, ...kms }))).rejects.toMatchObject({
      name: "NotImplemented",
    });
    const to = key("part-copy.bin");
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: to, ...kms }));
    try {
      const copied = await s3.send(
        new UploadPartCopyCommand({ Bucket: bucket, Key: to, UploadId, PartNumber: 1, CopySource: `${bucket}/${from}`, CopySourceIfMatch: '"0123456789abcdef0123456789abcdef"' }),
      );
      expect(copied.CopyPartResult?.ETag?.replaceAll('"', "")).toBe((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: from }))).ETag?.replaceAll('"', ""));
    } finally {
      await s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: to, UploadId }));
    }
  });
});
