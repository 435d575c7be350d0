import { randomBytes } from "node:crypto";
import { ListMultipartUploadsCommand } from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.MULTIPART_THRESHOLD_BYTES = String(5 * 1024 ** 2);
  process.env.MULTIPART_PART_BYTES = String(5 * 1024 ** 2);
});

import { db } from "@/lib/db";
import { bucket, s3 } from "@/lib/storage/s3";
import { listParts } from "@/lib/storage/multipart";
import { completeUpload } from "@/lib/uploads/complete-upload";
import { createUploadSlot } from "@/lib/uploads/create-upload-slot";
import { deleteUpload } from "@/lib/uploads/delete-upload";
import { listUploadParts } from "@/lib/uploads/list-upload-parts";
import { signParts } from "@/lib/uploads/sign-parts";
import { signPartsSchema } from "@/lib/validations/upload";
import { newUser, rejection } from "../support/domain-helpers";
import { must } from "../support/must";
import { MiB, nodeMd5 } from "../support/run-engine";

const meta = { ip: null, userAgent: "vitest" };
let alice: string;
let bob: string;

beforeAll(async () => {
  alice = await newUser("Alice");
  bob = await newUser("Bob");
});

/** A 3-part slot (5 + 5 + 1 MiB) and its bytes. */
async function threeParts() {
  const bytes = randomBytes(11 * MiB);
  const ticket = await createUploadSlot(alice, { name: "big.bin", type: "application/octet-stream", size: bytes.length }, meta);
  if (ticket.strategy !== "multipart") throw new Error("expected multipart");
  expect([ticket.partSize, ticket.partCount]).toEqual([5 * MiB, 3]);
  const slice = (n: number) => bytes.subarray((n - 1) * 5 * MiB, Math.min(n * 5 * MiB, bytes.length));
  const put = async (numbers: number[]) => {
    const parts = await Promise.all(numbers.map(async (number) => ({ number, md5: await nodeMd5(new Blob([slice(number)])) })));
    const { parts: signed } = await signParts(alice, ticket.upload.id, { parts });
    for (const part of signed) {
      const response = await fetch(part.url, { method: "PUT", headers: part.headers, body: new Uint8Array(slice(part.number)) });
      expect(response.status).toBe(200);
    }
  };
  return { id: ticket.upload.id, put };
}

const statusOf = async (id: string) => (await db.upload.findUniqueOrThrow({ where: { id } })).status;

describe("multipart slot states", () => {
  it("starts the S3 upload with the slot, lists parts across pages, and completes once", async () => {
    const { id, put } = await threeParts();
    const row = await db.upload.findUniqueOrThrow({ where: { id } });
    expect(row.s3UploadId).toBeTruthy();
    await put([1, 2, 3]);
    expect((await listUploadParts(alice, id)).parts.map((part) => part.number)).toEqual([1, 2, 3]);
    const stored = must(await listParts(row.key, must(row.s3UploadId, "an S3 upload id"), 2), "the S3 upload's parts");
    expect(stored.map((part) => part.number)).toEqual([1, 2, 3]); // two pages
    const done = await completeUpload(alice, id, meta);
    expect(done.status).toBe("COMPLETE");
    expect(await completeUpload(alice, id, meta)).toEqual(done); // twice: same answer
    expect((await rejection(signParts(alice, id, { parts: [{ number: 1 }] }))).status).toBe(409);
  });

  it("answers 409 naming the missing parts, then completes once they arrive", async () => {
    const { id, put } = await threeParts();
    await put([2]);
    const error = await rejection(completeUpload(alice, id, meta));
    expect([error.status, error.code]).toEqual([409, "parts_missing"]);
    expect(error.details).toEqual({ missing: [1, 3] });
    expect(error.message).toContain("1, 3");
    expect(await statusOf(id)).toBe("UPLOADING");
    await put([1, 3]);
    expect((await completeUpload(alice, id, meta)).status).toBe("COMPLETE");
  });

  it("cancel aborts the S3 upload, leaves none behind, and complete afterwards is 409", async () => {
    const { id, put } = await threeParts();
    await put([1]);
    const { s3UploadId, key } = await db.upload.findUniqueOrThrow({ where: { id } });
    await deleteUpload(alice, id, meta);
    expect(await statusOf(id)).toBe("ABORTED");
    const open = await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: key }));
    expect((open.Uploads ?? []).filter((upload) => upload.UploadId === s3UploadId)).toEqual([]);
    expect((await rejection(completeUpload(alice, id, meta))).status).toBe(409);
    expect((await rejection(signParts(alice, id, { parts: [{ number: 2 }] }))).code).toBe("upload_closed");
  });

  it("keeps other users out: 404 on signing, listing and completing", async () => {
    const { id } = await threeParts();
    for (const attempt of [() => signParts(bob, id, { parts: [{ number: 1 }] }), () => listUploadParts(bob, id), () => completeUpload(bob, id, meta)]) {
      expect((await rejection(attempt())).status).toBe(404);
    }
  });

  it("refuses part numbers beyond the plan with 422, and a single upload's parts with 409", async () => {
    const { id } = await threeParts();
    const error = await rejection(signParts(alice, id, { parts: [{ number: 2 }, { number: 4 }, { number: 9 }] }));
    expect([error.status, error.code]).toEqual([422, "part_out_of_range"]);
    expect(error.message).toContain("4, 9");
    const single = await createUploadSlot(alice, { name: "s.txt", type: "text/plain", size: 10 }, meta);
    expect((await rejection(signParts(alice, single.upload.id, { parts: [{ number: 1 }] }))).code).toBe("not_multipart");
  });

  it("validates signing requests: part 0, 10,001, malformed MD5, duplicates, more than 100 parts", () => {
    const bad = [
      { parts: [{ number: 0 }] },
      { parts: [{ number: 10_001 }] },
      { parts: [{ number: 1.5 }] },
      { parts: [{ number: 1, md5: "not-base64" }] },
      { parts: [{ number: 1, md5: "AAAA" }] },
      { parts: [{ number: 1 }, { number: 1 }] },
      { parts: Array.from({ length: 101 }, (_, i) => ({ number: i + 1 })) },
      { parts: [] },
      { parts: "1-3" },
      {},
    ];
    for (const input of bad) expect(signPartsSchema.safeParse(input).success, JSON.stringify(input).slice(0, 80)).toBe(false);
    expect(signPartsSchema.safeParse({ parts: Array.from({ length: 100 }, (_, i) => ({ number: i + 1 })) }).success).toBe(true);
  });
});
