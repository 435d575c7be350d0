import { createHash, randomBytes } from "node:crypto";
import { CreateBucketCommand, GetObjectCommand, HeadBucketCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, it, vi } from "vitest";

// Small plans so 11 MiB make a 3-part multipart upload.
vi.hoisted(() => {
  process.env.MULTIPART_THRESHOLD_BYTES = String(5 * 1024 ** 2);
  process.env.MULTIPART_PART_BYTES = String(5 * 1024 ** 2);
});

import { db } from "@/lib/db";
import { createShareLink } from "@/lib/links/create-share-link";
import { redeemShareLink } from "@/lib/links/redeem-share-link";
import { bucket, s3 } from "@/lib/storage/s3";
import { completeUpload } from "@/lib/uploads/complete-upload";
import { createUploadSlot } from "@/lib/uploads/create-upload-slot";
import { incomingKey } from "@/lib/uploads/object-keys";
import { signParts } from "@/lib/uploads/sign-parts";
import { domainApi } from "../support/domain-api";
import { meta, newTrustedUser, rejection } from "../support/domain-helpers";
import { must } from "../support/must";
import { fetchTransport } from "../support/node-transport";
import { engineFor, MiB, nodeMd5, randomFile, settled, sha256 } from "../support/run-engine";

const APP_ORIGIN = "http://127.0.0.1:3100"; // scripts/swift-store.sh's CORS origin in scripts/run-tests.sh
let alice: string;

beforeAll(async () => {
  await s3.send(new HeadBucketCommand({ Bucket: bucket })).catch(() => s3.send(new CreateBucketCommand({ Bucket: bucket })));
  alice = await newTrustedUser("Alice on Swift");
});

async function storedSha256(uploadId: string) {
  const { key } = await db.upload.findUniqueOrThrow({ where: { id: uploadId } });
  const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return sha256(await must(object.Body, `a body for ${key}`).transformToByteArray());
}

async function singleSlot(name: string, size: number, md5?: string) {
  const ticket = await createUploadSlot(alice, { name, type: "application/octet-stream", size, md5 }, meta);
  if (ticket.strategy !== "single") throw new Error(`expected a single PUT, got ${ticket.strategy}`);
  return ticket;
}

describe("Slipway's uploads on OpenStack Swift's S3 API", () => {
  it("a single PUT through its presigned URL (MD5 signed in) completes and verifies; the browser's CORS answers hold", async () => {
    const bytes = randomBytes(200 * 1024);
    const ticket = await singleSlot("single.bin", bytes.length, await nodeMd5(new Blob([bytes])));
    const put = await fetch(ticket.url, { method: "PUT", headers: { ...ticket.headers, Origin: APP_ORIGIN }, body: new Uint8Array(bytes) });
    expect(put.status).toBe(200);
    // What a browser needs to read the ETag of a cross-origin PUT.
    expect(put.headers.get("access-control-allow-origin")).toBe(APP_ORIGIN);
    expect(put.headers.get("access-control-expose-headers")?.split(/,\s*/)).toContain("etag");

    const done = await completeUpload(alice, ticket.upload.id, meta);
    expect(done.status).toBe("COMPLETE");
    expect(done.etag).toBe(createHash("md5").update(bytes).digest("hex"));
    expect(await storedSha256(ticket.upload.id)).toBe(sha256(bytes));
  });

  it("answers the preflight of a presigned PUT for the app's origin only", async () => {
    const ticket = await singleSlot("preflight.bin", 10);
    const preflight = (origin: string) =>
      fetch(ticket.url, { method: "OPTIONS", headers: { Origin: origin, "Access-Control-Request-Method": "PUT", "Access-Control-Request-Headers": "content-type,x-amz-acl" } });
    const allowed = await preflight(APP_ORIGIN);
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(APP_ORIGIN);
    expect(allowed.headers.get("access-control-allow-methods")).toContain("PUT");
    const refused = await preflight("http://evil.example");
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("a multipart upload through the upload engine completes and verifies", async () => {
    const file = randomFile("three-parts.bin", 11 * MiB);
    const engine = engineFor(domainApi(alice).api, fetchTransport);
    await engine.add([{ file }]);
    const [view] = await settled(engine);
    expect(view.state, view.error).toBe("done");
    const row = await db.upload.findUniqueOrThrow({ where: { id: view.uploadId } });
    expect([row.status, row.strategy, row.partCount]).toEqual(["COMPLETE", "MULTIPART", 3]);
    expect(row.etag).toMatch(/^[0-9a-f]{32}-3$/);
    expect(await storedSha256(row.id)).toBe(sha256(new Uint8Array(await file.arrayBuffer())));
  });

  it("a share link's download returns the original bytes", async () => {
    const bytes = randomBytes(5000);
    const ticket = await singleSlot("shared.bin", bytes.length);
    expect((await fetch(ticket.url, { method: "PUT", headers: ticket.headers, body: new Uint8Array(bytes) })).status).toBe(200);
    await completeUpload(alice, ticket.upload.id, meta);
    const { url } = await createShareLink(alice, ticket.upload.id, { expiresInSeconds: 3600 }, meta);
    const { url: download } = await redeemShareLink(new URL(url).pathname.replace(/^.*\//, ""), undefined, meta);
    const response = await fetch(download);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
    expect(response.headers.get("content-disposition")).toContain('filename="shared.bin"');
  });

  it("refuses to complete a missing object (409, slot stays open) and a wrong one (409, slot FAILED, object removed)", async () => {
    const early = await singleSlot("early.bin", 10);
    const missing = await rejection(completeUpload(alice, early.upload.id, meta));
    expect([missing.status, missing.code]).toEqual([409, "object_missing"]);
    expect((await db.upload.findUniqueOrThrow({ where: { id: early.upload.id } })).status).toBe("PENDING");

    // Bytes that are not the declared ones, written straight to where the slot's PUT lands.
    const wrong = await singleSlot("wrong.bin", 10);
    const { key } = await db.upload.findUniqueOrThrow({ where: { id: wrong.upload.id } });
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: incomingKey(key), Body: randomBytes(11), ContentType: "application/octet-stream" }));
    const mismatch = await rejection(completeUpload(alice, wrong.upload.id, meta));
    expect([mismatch.status, mismatch.code]).toEqual([409, "object_mismatch"]);
    expect(mismatch.message).toContain("11 bytes, not the declared 10");
    expect((await db.upload.findUniqueOrThrow({ where: { id: wrong.upload.id } })).status).toBe("FAILED");
    await expect(s3.send(new GetObjectCommand({ Bucket: bucket, Key: incomingKey(key) }))).rejects.toMatchObject({ name: "NoSuchKey" });
  });

  it("refuses to complete a multipart upload with a part missing", async () => {
    const bytes = randomBytes(11 * MiB);
    const ticket = await createUploadSlot(alice, { name: "gap.bin", type: "application/octet-stream", size: bytes.length }, meta);
    if (ticket.strategy !== "multipart") throw new Error("expected multipart");
    const [part] = (await signParts(alice, ticket.upload.id, { parts: [{ number: 2 }] })).parts;
    const slice = bytes.subarray(5 * MiB, 10 * MiB);
    expect((await fetch(part.url, { method: "PUT", headers: part.headers, body: new Uint8Array(slice) })).status).toBe(200);
    const error = await rejection(completeUpload(alice, ticket.upload.id, meta));
    expect([error.status, error.code, error.details]).toEqual([409, "parts_missing", { missing: [1, 3] }]);
  });
});
