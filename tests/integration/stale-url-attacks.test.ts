import { createHash, randomBytes } from "node:crypto";
import { GetObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { bucket, s3 } from "@/lib/storage/s3";
import { completeUpload } from "@/lib/uploads/complete-upload";
import { createUploadSlot } from "@/lib/uploads/create-upload-slot";
import { deleteUpload } from "@/lib/uploads/delete-upload";
import { signParts } from "@/lib/uploads/sign-parts";
import { sweepUploads } from "@/lib/uploads/sweep-uploads";
import { meta, newUser } from "../support/domain-helpers";
import { must } from "../support/must";

// A presigned PUT URL stays valid for its whole lifetime (up to 15 minutes), whatever happens to
// its slot. Whoever holds one must not be able to change a finished upload, nor leave bytes
// behind after the slot is gone. Each test plays an attacker holding an old URL.

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
/** The sweeper as it runs once every URL signed now has expired, over the attacker's keys only (other test files share the bucket). */
const sweepLater = () => sweepUploads({ now: new Date(Date.now() + 20 * 60_000), prefix: `u/${attacker}/` });

async function served(key: string): Promise<string | null> {
  try {
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return sha256(await must(object.Body, "an object body").transformToByteArray());
  } catch (error) {
    if ((error as { name?: string }).name === "NoSuchKey") return null;
    throw error;
  }
}

async function objectsOf(uploadId: string): Promise<string[]> {
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
  return (listed.Contents ?? []).map((object) => must(object.Key, "a key")).filter((key) => key.includes(`/${uploadId}/`));
}

async function single(userId: string, bytes: Uint8Array, name = "file.bin") {
  const ticket = await createUploadSlot(userId, { name, type: "application/octet-stream", size: bytes.length }, meta);
  if (ticket.strategy !== "single") throw new Error("expected a single PUT");
  return ticket;
}

const put = (ticket: { url: string; headers: Record<string, string> }, bytes: Uint8Array, extra: Record<string, string> = {}) =>
  fetch(ticket.url, { method: "PUT", headers: { ...ticket.headers, ...extra }, body: new Uint8Array(bytes) });

async function completed(userId: string, bytes: Uint8Array, name?: string) {
  const ticket = await single(userId, bytes, name);
  expect((await put(ticket, bytes)).status).toBe(200);
  await completeUpload(userId, ticket.upload.id, meta);
  const row = await db.upload.findUniqueOrThrow({ where: { id: ticket.upload.id } });
  return { ticket, row };
}

let attacker: string;
let victim: string;

beforeAll(async () => {
  attacker = await newUser("Mallory");
  victim = await newUser("Victor");
});

describe("an old single-PUT URL", () => {
  it("cannot replace the bytes of a completed upload", async () => {
    const original = randomBytes(4096);
    const { ticket, row } = await completed(attacker, original);
    const replaced = await put(ticket, randomBytes(4096)); // same length and type: the signature allows it
    expect(replaced.status).toBeLessThan(500);
    expect(await served(row.key)).toBe(sha256(original));
    expect((await db.upload.findUniqueOrThrow({ where: { id: row.id } })).etag).toBe(row.etag);
  });

  it("cannot copy another user's object over a completed upload with an unsigned x-amz-copy-source", async () => {
    const secret = randomBytes(2048);
    const { row: victims } = await completed(victim, secret, "secret.bin");
    const own = randomBytes(2048);
    const { ticket, row } = await completed(attacker, own);
    // radosgw honours this header although it is not signed (AWS would refuse the request).
    await put(ticket, randomBytes(2048), { "x-amz-copy-source": `/${bucket}/${victims.key}` });
    expect(await served(row.key)).toBe(sha256(own));
    expect(await served(victims.key)).toBe(sha256(secret));
  });

  it("leaves nothing behind once its slot is deleted and the sweeper has run", async () => {
    const bytes = randomBytes(1024);
    const { ticket, row } = await completed(attacker, bytes);
    await deleteUpload(attacker, row.id, meta);
    expect((await put(ticket, bytes)).status).toBeLessThan(500); // the URL still works on the store...
    expect(await served(row.key)).toBeNull(); // ...but nothing is served for the deleted upload
    expect(await objectsOf(row.id)).toHaveLength(1); // what it wrote waits under incoming/...
    expect((await sweepLater()).incomingRemoved).toBeGreaterThanOrEqual(1);
    expect(await objectsOf(row.id)).toEqual([]); // ...until the sweeper removes it
  });

  it("leaves nothing behind once an unfinished slot is cancelled and the sweeper has run", async () => {
    const bytes = randomBytes(1024);
    const ticket = await single(attacker, bytes);
    await deleteUpload(attacker, ticket.upload.id, meta);
    expect((await put(ticket, bytes)).status).toBeLessThan(500);
    // While the URL may still write, deleting would only invite another write: the sweeper waits.
    expect(await sweepUploads({ prefix: `u/${attacker}/` })).toMatchObject({ incomingRemoved: 0 });
    expect(await objectsOf(ticket.upload.id)).toHaveLength(1);
    expect((await sweepLater()).incomingRemoved).toBeGreaterThanOrEqual(1);
    expect(await objectsOf(ticket.upload.id)).toEqual([]);
  });
});

describe("an old part URL", () => {
  it("is refused after CompleteMultipartUpload, and the object stays as completed", async () => {
    const MiB = 1024 ** 2;
    const size = 33 * MiB; // just over the multipart threshold: parts of 16 + 16 + 1 MiB
    const file = randomBytes(size);
    const ticket = await createUploadSlot(attacker, { name: "big.bin", type: "application/octet-stream", size }, meta);
    if (ticket.strategy !== "multipart") throw new Error("expected multipart");
    const numbers = Array.from({ length: ticket.partCount }, (_, i) => ({ number: i + 1 }));
    const { parts } = await signParts(attacker, ticket.upload.id, { parts: numbers });
    for (const part of parts) {
      const body = file.subarray((part.number - 1) * ticket.partSize, part.number * ticket.partSize);
      expect((await fetch(part.url, { method: "PUT", headers: part.headers, body: new Uint8Array(body) })).status).toBe(200);
    }
    await completeUpload(attacker, ticket.upload.id, meta);
    const row = await db.upload.findUniqueOrThrow({ where: { id: ticket.upload.id } });

    const last = must(parts.at(-1), "the last part");
    const again = await fetch(last.url, { method: "PUT", headers: last.headers, body: new Uint8Array(randomBytes(size - (last.number - 1) * ticket.partSize)) });
    expect(again.status).toBe(404); // NoSuchUpload: completion closed the multipart upload
    expect(await served(row.key)).toBe(sha256(file));
  });
});
