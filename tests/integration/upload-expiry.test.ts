import { randomBytes } from "node:crypto";
import { HeadObjectCommand, ListMultipartUploadsCommand } from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { bucket, s3 } from "@/lib/storage/s3";
import { completeUpload } from "@/lib/uploads/complete-upload";
import { createUploadSlot } from "@/lib/uploads/create-upload-slot";
import { newUser, rejection } from "../support/domain-helpers";
import { must } from "../support/must";

const meta = { ip: "127.0.0.1", userAgent: "vitest" };
let alice: string;

beforeAll(async () => {
  alice = await newUser("Alice");
});

const expireNow = (id: string) => db.upload.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });

async function objectExists(key: string): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch (error) {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
    throw error;
  }
}

async function openMultipartIds(key: string): Promise<string[]> {
  const { Uploads } = await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: key }));
  return (Uploads ?? []).map((upload) => must(upload.UploadId, "an UploadId in the listing"));
}

describe("completing an expired slot", () => {
  it("answers 409 upload_expired, marks the slot EXPIRED, deletes the object and audits it", async () => {
    const bytes = randomBytes(2048);
    const ticket = await createUploadSlot(alice, { name: "late.bin", type: "application/octet-stream", size: bytes.length }, meta);
    if (ticket.strategy !== "single") throw new Error("expected a single PUT");
    const put = await fetch(ticket.url, { method: "PUT", headers: ticket.headers, body: new Uint8Array(bytes) });
    expect(put.status).toBe(200);
    await expireNow(ticket.upload.id);

    const error = await rejection(completeUpload(alice, ticket.upload.id, meta));
    expect([error.status, error.code]).toEqual([409, "upload_expired"]);
    expect(error.message).toMatch(/expired/);

    const row = await db.upload.findUniqueOrThrow({ where: { id: ticket.upload.id } });
    expect(row.status).toBe("EXPIRED");
    expect(row.completedAt).toBeNull();
    expect(await objectExists(row.key)).toBe(false);
    const audit = await db.auditEvent.findMany({ where: { target: row.id, action: "upload.expire" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: alice, ip: "127.0.0.1" });

    // Asking again changes nothing more: the slot is closed.
    expect((await rejection(completeUpload(alice, ticket.upload.id, meta))).code).toBe("upload_closed");
    expect(await db.auditEvent.count({ where: { target: row.id, action: "upload.expire" } })).toBe(1);
  });

  it("expires a slot before anything was uploaded too", async () => {
    const ticket = await createUploadSlot(alice, { name: "never.txt", type: "text/plain", size: 10 }, meta);
    await expireNow(ticket.upload.id);
    expect((await rejection(completeUpload(alice, ticket.upload.id, meta))).code).toBe("upload_expired");
    expect((await db.upload.findUniqueOrThrow({ where: { id: ticket.upload.id } })).status).toBe("EXPIRED");
  });

  it("aborts the S3 multipart upload of an expired multipart slot", async () => {
    const ticket = await createUploadSlot(alice, { name: "big.bin", type: "application/octet-stream", size: 40 * 1024 ** 2 }, meta);
    expect(ticket.strategy).toBe("multipart");
    const slot = await db.upload.findUniqueOrThrow({ where: { id: ticket.upload.id } });
    expect(await openMultipartIds(slot.key)).toEqual([slot.s3UploadId]);
    await expireNow(slot.id);

    expect((await rejection(completeUpload(alice, slot.id, meta))).code).toBe("upload_expired");
    expect((await db.upload.findUniqueOrThrow({ where: { id: slot.id } })).status).toBe("EXPIRED");
    expect(await openMultipartIds(slot.key)).toEqual([]);
  });
});
