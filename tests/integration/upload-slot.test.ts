import { randomBytes } from "node:crypto";
import { HeadObjectCommand } from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { bucket, s3 } from "@/lib/storage/s3";
import { completeUpload } from "@/lib/uploads/complete-upload";
import { createUploadSlot } from "@/lib/uploads/create-upload-slot";
import { deleteUpload } from "@/lib/uploads/delete-upload";
import { findOwnUpload } from "@/lib/uploads/find-own-upload";
import { listUploads } from "@/lib/uploads/list-uploads";
import { newUser, rejection } from "../support/domain-helpers";
import { must } from "../support/must";

const meta = { ip: "127.0.0.1", userAgent: "vitest" };
let alice: string;
let bob: string;

/** A slot small enough for a single PUT, with its presigned URL. */
async function createSingle(userId: string, input: Parameters<typeof createUploadSlot>[1]) {
  const ticket = await createUploadSlot(userId, input, meta);
  if (ticket.strategy !== "single") throw new Error(`expected a single PUT, got ${ticket.strategy}`);
  return ticket;
}

async function putBytes(ticket: { url: string; headers: Record<string, string> }, bytes: Buffer) {
  const response = await fetch(ticket.url, { method: "PUT", headers: ticket.headers, body: new Uint8Array(bytes) });
  expect(response.status).toBe(200);
}

beforeAll(async () => {
  alice = await newUser();
  bob = await newUser();
});

describe("upload slot lifecycle", () => {
  it("records the slot before signing, then COMPLETE after a real PUT", async () => {
    const bytes = randomBytes(64 * 1024);
    const ticket = await createSingle(alice, { name: "photo.png", type: "image/png", size: bytes.length });
    expect(ticket.strategy).toBe("single");
    const row = await db.upload.findUniqueOrThrow({ where: { id: ticket.upload.id } });
    expect(row.status).toBe("PENDING");
    expect(row.size).toBe(BigInt(bytes.length));
    expect(row.key).toBe(`u/${alice}/${row.id}/photo.png`);

    await putBytes(ticket, bytes);
    const done = await completeUpload(alice, ticket.upload.id, meta);
    expect(done.status).toBe("COMPLETE");
    expect(done.etag).toMatch(/^[0-9a-f]{32}$/);
    // Completing again answers the same result.
    expect(await completeUpload(alice, ticket.upload.id, meta)).toEqual(done);
  });

  it("answers 409 to complete before the PUT and leaves the slot PENDING", async () => {
    const ticket = await createSingle(alice, { name: "early.txt", type: "text/plain", size: 10 });
    const error = await rejection(completeUpload(alice, ticket.upload.id, meta));
    expect(error.status).toBe(409);
    expect(error.code).toBe("object_missing");
    expect((await db.upload.findUniqueOrThrow({ where: { id: ticket.upload.id } })).status).toBe("PENDING");
  });

  it("verifies the declared MD5 and signs it into the URL", async () => {
    const bytes = Buffer.from("integrity matters");
    const md5 = (await import("node:crypto")).createHash("md5").update(bytes).digest("base64");
    const ticket = await createSingle(alice, { name: "md5.txt", type: "text/plain", size: bytes.length, md5 });
    expect(ticket.headers["Content-MD5"]).toBe(md5);
    await putBytes(ticket, bytes);
    expect((await completeUpload(alice, ticket.upload.id, meta)).status).toBe("COMPLETE");
  });

  it("hides one user's upload from another: 404 on read, complete and delete", async () => {
    const ticket = await createSingle(alice, { name: "private.txt", type: "text/plain", size: 5 });
    const attempts = [() => findOwnUpload(bob, ticket.upload.id), () => completeUpload(bob, ticket.upload.id, meta), () => deleteUpload(bob, ticket.upload.id, meta)];
    for (const attempt of attempts) expect((await rejection(attempt())).status).toBe(404);
    expect((await listUploads(bob, { limit: 100 })).items).toEqual([]);
    expect((await db.upload.findUniqueOrThrow({ where: { id: ticket.upload.id } })).status).toBe("PENDING");
  });

  it("deletes object and slot, revokes links, and audits it", async () => {
    const bytes = randomBytes(1000);
    const ticket = await createSingle(alice, { name: "gone.bin", type: "application/octet-stream", size: bytes.length });
    await putBytes(ticket, bytes);
    await completeUpload(alice, ticket.upload.id, meta);
    const row = await db.upload.findUniqueOrThrow({ where: { id: ticket.upload.id } });

    await deleteUpload(alice, ticket.upload.id, meta);
    const head = s3.send(new HeadObjectCommand({ Bucket: bucket, Key: row.key }));
    await expect(head).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });
    expect((await rejection(findOwnUpload(alice, ticket.upload.id))).status).toBe(404);
    const audit = await db.auditEvent.findFirst({ where: { action: "upload.delete", target: row.id } });
    expect(audit?.actorId).toBe(alice);
  });

  it("pages through uploads newest first with a cursor", async () => {
    const carol = await newUser();
    for (const name of ["a.txt", "b.txt", "c.txt"]) await createUploadSlot(carol, { name, type: "text/plain", size: 1 }, meta);
    const first = await listUploads(carol, { limit: 2 });
    expect(first.items.map((u) => u.name)).toEqual(["c.txt", "b.txt"]);
    const second = await listUploads(carol, { limit: 2, cursor: must(first.nextCursor, "a cursor to the next page") });
    expect(second.items.map((u) => u.name)).toEqual(["a.txt"]);
    expect(second.nextCursor).toBeNull();
  });
});

describe("bad input changes nothing", () => {
  async function expectRefused(userId: string, input: Parameters<typeof createUploadSlot>[1], status: number, code: string) {
    const before = await db.upload.count();
    const error = await rejection(createUploadSlot(userId, input, meta));
    expect([error.status, error.code]).toEqual([status, code]);
    expect(await db.upload.count()).toBe(before);
  }

  it("refuses hostile and unusable names", async () => {
    await expectRefused(alice, { name: "....", type: "text/plain", size: 1 }, 422, "invalid_name");
    await expectRefused(alice, { name: "\u0000\u202e", type: "text/plain", size: 1 }, 422, "invalid_name");
    const ticket = await createSingle(alice, { name: "../../etc/passwd", type: "text/plain", size: 1 });
    expect(ticket.upload.name).toBe("etc_passwd");
    expect(new URL(ticket.url).pathname).toBe(`/${bucket}/incoming/u/${alice}/${ticket.upload.id}/etc_passwd`);
  });

  it("refuses absurd sizes and a full quota with 413", async () => {
    await expectRefused(alice, { name: "huge.bin", type: "application/octet-stream", size: 6 * 1024 ** 4 }, 413, "file_too_large");
    const dave = await newUser("Quota", 100);
    await createUploadSlot(dave, { name: "fits.bin", type: "application/octet-stream", size: 60 }, meta);
    await expectRefused(dave, { name: "over.bin", type: "application/octet-stream", size: 41 }, 413, "quota_exceeded");
  });

  it("keeps the quota under parallel requests", async () => {
    const erin = await newUser("Quota", 100);
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => createUploadSlot(erin, { name: `p${i}.bin`, type: "application/octet-stream", size: 30 }, meta)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    expect(await db.upload.count({ where: { ownerId: erin } })).toBe(3);
  });

  it("refuses invalid content types", async () => {
    await expectRefused(alice, { name: "x.txt", type: "text/plain\r\nX-Evil: 1", size: 1 }, 422, "invalid_type");
  });
});
