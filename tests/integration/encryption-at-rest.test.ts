import { vi } from "vitest";

// SSE-KMS with the local radosgw's testing KMS: scripts/object-store.sh holds one key, id
// `slipway-local`. Small parts so a multipart upload stays small.
vi.hoisted(() => {
  process.env.S3_SSE = "aws:kms";
  process.env.S3_SSE_KMS_KEY_ID = "slipway-local";
  process.env.MULTIPART_THRESHOLD_BYTES = String(5 * 1024 ** 2);
  process.env.MULTIPART_PART_BYTES = String(5 * 1024 ** 2);
});

import { randomBytes } from "node:crypto";
import { CreateMultipartUploadCommand, HeadObjectCommand, PutObjectCommand, UploadPartCommand } from "@aws-sdk/client-s3";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideReview } from "@/lib/admin/uploads/decide-review";
import { db } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import { startWorkers } from "@/lib/jobs/start-workers";
import { findGuestUpload } from "@/lib/requests/find-guest-upload";
import { createShareLink } from "@/lib/links/create-share-link";
import { redeemShareLink } from "@/lib/links/redeem-share-link";
import { abortMultipartUpload, countMultipartUploads } from "@/lib/storage/multipart";
import { copyObject, headObject } from "@/lib/storage/objects";
import { bucket, s3 } from "@/lib/storage/s3";
import { completeUpload, finishUpload } from "@/lib/uploads/complete-upload";
import { createUploadSlot } from "@/lib/uploads/create-upload-slot";
import { downloadOwnUpload } from "@/lib/uploads/download-own-upload";
import { incomingKey, quarantineKey } from "@/lib/uploads/object-keys";
import { domainApi } from "../support/domain-api";
import { meta, newTrustedUser, newUser, rejection } from "../support/domain-helpers";
import { must } from "../support/must";
import { fetchTransport } from "../support/node-transport";
import { processed } from "../support/processing-helpers";
import { processNow } from "../support/processing-runs";
import { guestSlot, newRequest, putBytes } from "../support/request-helpers";
import { fetchBytes, newAdmin, storedEtag } from "../support/review-helpers";
import { engineFor, MiB, randomFile, settled } from "../support/run-engine";

const KMS = { "x-amz-server-side-encryption": "aws:kms", "x-amz-server-side-encryption-aws-kms-key-id": "slipway-local" };

/** What radosgw reports about the object's encryption. */
async function encryptionOf(key: string) {
  const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
  return { sse: head.ServerSideEncryption, keyId: head.SSEKMSKeyId };
}
const asConfigured = { sse: "aws:kms", keyId: "slipway-local" };

/** Sends `file` through the browser's upload engine as `owner`; returns the finished row. */
async function uploadThroughEngine(owner: string, file: File) {
  const engine = engineFor(domainApi(owner).api, fetchTransport);
  await engine.add([{ file }]);
  const [view] = await settled(engine);
  expect(view.state, view.error).toBe("done");
  return db.upload.findUniqueOrThrow({ where: { id: must(view.uploadId, "an upload id") } });
}

let owner: string;

beforeAll(async () => {
  owner = await newTrustedUser("Encrypted"); // approved at completion: shared at once
  await startWorkers();
});

afterAll(() => stopBoss());

describe("S3_SSE=aws:kms on radosgw's testing KMS", () => {
  const bytes = randomBytes(300_000);

  it("a single upload completes encrypted with the configured key; the browser was given the headers to send", async () => {
    const ticket = await createUploadSlot(owner, { name: "single.bin", type: "application/octet-stream", size: bytes.length }, meta);
    if (ticket.strategy !== "single") throw new Error("expected a single PUT");
    expect(ticket.headers).toMatchObject(KMS);
    expect(must(new URL(ticket.url).searchParams.get("X-Amz-SignedHeaders"), "signed headers").split(";")).toEqual(expect.arrayContaining(Object.keys(KMS)));
    expect((await fetch(ticket.url, { method: "PUT", headers: ticket.headers, body: new Uint8Array(bytes) })).status).toBe(200);
    const done = await completeUpload(owner, ticket.upload.id, meta);
    expect(done.status).toBe("COMPLETE");
    const row = await db.upload.findUniqueOrThrow({ where: { id: done.id } });
    expect(await encryptionOf(row.key)).toEqual(asConfigured);
    // radosgw cannot CopyObject an encrypted object: the copy out of incoming/ was made in parts, and is gone from there.
    expect(row.etag).toMatch(/-1$/);
    expect(await storedEtag(incomingKey(row.key))).toBeNull();
    expect(await fetchBytes(await downloadOwnUpload(owner, row.id, meta))).toEqual(bytes);
  });

  it("a multipart upload through the engine completes encrypted; owner and share-link downloads return the original bytes", async () => {
    const file = randomFile("parts.bin", 6 * MiB);
    const original = Buffer.from(await file.arrayBuffer());
    const row = await uploadThroughEngine(owner, file);
    expect([row.status, row.strategy, row.partCount]).toEqual(["COMPLETE", "MULTIPART", 2]);
    expect(await encryptionOf(row.key)).toEqual(asConfigured);
    expect((await processed(row.id)).processingError).toBeNull();
    expect(await fetchBytes(await downloadOwnUpload(owner, row.id, meta))).toEqual(original);
    const { url } = await createShareLink(owner, row.id, { expiresInSeconds: 600 }, meta);
    const token = must(url.split("/s/")[1], "a token");
    expect(await fetchBytes((await redeemShareLink(token, undefined, meta)).url)).toEqual(original);
  });

  it("S3 refuses a PUT to the signed URL without the encryption headers, or naming another key, and stores nothing", async () => {
    const ticket = await createUploadSlot(owner, { name: "plain.bin", type: "application/octet-stream", size: bytes.length }, meta);
    if (ticket.strategy !== "single") throw new Error("expected a single PUT");
    const put = (headers: Record<string, string>) => fetch(ticket.url, { method: "PUT", headers, body: new Uint8Array(bytes) });
    const { "x-amz-server-side-encryption": _, "x-amz-server-side-encryption-aws-kms-key-id": __, ...plain } = ticket.headers;
    expect((await put(plain)).status).toBe(403);
    expect((await put({ ...plain, "x-amz-server-side-encryption": "aws:kms" })).status).toBe(403);
    expect((await put({ ...ticket.headers, "x-amz-server-side-encryption-aws-kms-key-id": "another-key" })).status).toBe(403);
    const row = await db.upload.findUniqueOrThrow({ where: { id: ticket.upload.id } });
    expect(await storedEtag(incomingKey(row.key))).toBeNull();
  });

  it("a guest's upload through an upload request is encrypted the same way", async () => {
    const { token } = await newRequest(owner);
    const ticket = await guestSlot(token);
    if (ticket.strategy !== "single") throw new Error("expected a single PUT");
    expect(ticket.headers).toMatchObject(KMS);
    await putBytes(ticket);
    const row = await finishUpload(await findGuestUpload(token, ticket.upload.id, ticket.uploadKey), null, meta);
    expect(row.status).toBe("COMPLETE");
    expect(await encryptionOf(row.key)).toEqual(asConfigured);
  });

  it("processing's thumbnail is stored encrypted", async () => {
    const png = await sharp({ create: { width: 400, height: 300, channels: 3, background: "#225588" } })
      .png()
      .toBuffer();
    const row = await uploadThroughEngine(owner, new File([png], "picture.png", { type: "image/png" }));
    const done = await processed(row.id);
    expect(await encryptionOf(must(done.thumbnailKey, "a thumbnail"))).toEqual(asConfigured);
  });

  it("the review's quarantine and move back keep the encryption; the row's ETag follows the copy, so processing reads it again", async () => {
    const uploader = await newUser("Reviewed"); // waits for review
    const admin = await newAdmin("Reviewer");
    const file = randomFile("reviewed.bin", 6 * MiB);
    const row = await uploadThroughEngine(uploader, file);
    await processed(row.id);

    await decideReview(admin, row.id, { decision: "reject", note: "not this one" }, meta);
    expect(await storedEtag(row.key)).toBeNull();
    expect(await encryptionOf(quarantineKey(row.key))).toEqual(asConfigured);

    await decideReview(admin, row.id, { decision: "approve" }, meta);
    expect(await storedEtag(quarantineKey(row.key))).toBeNull();
    expect(await encryptionOf(row.key)).toEqual(asConfigured);
    // Copied in one part, the 2-part object's ETag is another: the row has the new one.
    const etag = await storedEtag(row.key);
    expect([row.etag?.endsWith("-2"), etag?.endsWith("-1")]).toEqual([true, true]);
    expect((await db.upload.findUniqueOrThrow({ where: { id: row.id } })).etag).toBe(etag);
    const again = await processNow(row.id);
    expect([again.processing, again.processingError]).toEqual(["OFF", null]);
    expect(await fetchBytes(await downloadOwnUpload(uploader, row.id, meta))).toEqual(Buffer.from(await file.arrayBuffer()));
    expect(await countMultipartUploads(row.key)).toEqual({ count: 0, more: false });
  });

  it("a copy in parts of a source that changed since it was checked copies nothing (radosgw ignores if-match there)", async () => {
    const from = `test/sse/${randomBytes(6).toString("hex")}/source.bin`;
    const to = `${from}.copy`;
    await s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: from, Body: bytes, ContentType: "application/octet-stream", ServerSideEncryption: "aws:kms", SSEKMSKeyId: "slipway-local" }),
    );
    const seen = must(await headObject(from), "the source");
    expect(await copyObject(from, to, { ...seen, etag: "0123456789abcdef0123456789abcdef" })).toBe(false);
    expect(await storedEtag(to)).toBeNull();
    expect(await countMultipartUploads(to)).toEqual({ count: 0, more: false });
    expect(await copyObject(from, to, { ...seen, etag: must(seen.etag, "an ETag") })).toBe(true);
    expect(await encryptionOf(to)).toEqual(asConfigured);
  });
});

describe("S3_SSE=aws:kms against a store that did not encrypt", () => {
  it("completion refuses an object stored without encryption (a PUT made outside Slipway): 409 object_mismatch, object removed", async () => {
    const ticket = await createUploadSlot(owner, { name: "outside.bin", type: "application/octet-stream", size: 1000 }, meta);
    const key = (await db.upload.findUniqueOrThrow({ where: { id: ticket.upload.id } })).key;
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: incomingKey(key), Body: randomBytes(1000), ContentType: "application/octet-stream" }));
    const error = await rejection(completeUpload(owner, ticket.upload.id, meta));
    expect([error.status, error.code]).toEqual([409, "object_mismatch"]);
    expect(error.message).toContain("the store reports encryption none, not the configured aws:kms");
    expect(await storedEtag(incomingKey(key))).toBeNull();
    expect(await storedEtag(key)).toBeNull();
    const row = await db.upload.findUniqueOrThrow({ where: { id: ticket.upload.id } });
    expect([row.status, row.etag, row.completedAt]).toEqual(["FAILED", null, null]);
    const audit = await db.auditEvent.findMany({ where: { target: row.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((event) => event.action)).toEqual(["upload.create", "upload.fail"]);
  });

  it("and a multipart object assembled without encryption (a store that ignored CreateMultipartUpload's request)", async () => {
    const ticket = await createUploadSlot(owner, { name: "outside-parts.bin", type: "application/octet-stream", size: 6 * MiB }, meta);
    const slot = await db.upload.findUniqueOrThrow({ where: { id: ticket.upload.id } });
    // The slot's S3 upload swapped for one started without encryption; its parts sent as planned.
    await abortMultipartUpload(slot.key, must(slot.s3UploadId, "an S3 upload"));
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: slot.key, ContentType: slot.contentType }));
    await db.upload.update({ where: { id: slot.id }, data: { s3UploadId: UploadId } });
    for (const [number, size] of [
      [1, 5 * MiB],
      [2, MiB],
    ]) {
      await s3.send(new UploadPartCommand({ Bucket: bucket, Key: slot.key, UploadId, PartNumber: number, Body: randomBytes(size) }));
    }
    const error = await rejection(completeUpload(owner, slot.id, meta));
    expect([error.status, error.code]).toEqual([409, "object_mismatch"]);
    expect(error.message).toContain("the store reports encryption none, not the configured aws:kms");
    expect(await storedEtag(slot.key)).toBeNull();
    expect((await db.upload.findUniqueOrThrow({ where: { id: slot.id } })).status).toBe("FAILED");
  });
});
