import { randomBytes } from "node:crypto";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readStats } from "@/lib/admin/stats/read-stats";
import { recountTotals } from "@/lib/admin/stats/recount-totals";
import { db } from "@/lib/db";
import { bucket, s3 } from "@/lib/storage/s3";
import { completeUpload } from "@/lib/uploads/complete-upload";
import { createUploadSlot } from "@/lib/uploads/create-upload-slot";
import { deleteUpload } from "@/lib/uploads/delete-upload";
import { expireUpload } from "@/lib/uploads/expire-upload";
import { incomingKey } from "@/lib/uploads/object-keys";
import { meta, newTrustedUser, newUser, rejection } from "../support/domain-helpers";

let alice: string; // untrusted: her finished files wait for review
let bob: string;
let carol: string;
let dave: string;
const ids: Record<string, string> = {};

const slot = (userId: string, size: number, name = "file.bin") => createUploadSlot(userId, { name, type: "application/octet-stream", size }, meta);

async function finished(userId: string, size: number): Promise<string> {
  const ticket = await slot(userId, size);
  if (ticket.strategy !== "single") throw new Error("expected a single PUT");
  expect((await fetch(ticket.url, { method: "PUT", headers: ticket.headers, body: new Uint8Array(randomBytes(size)) })).status).toBe(200);
  await completeUpload(userId, ticket.upload.id, meta);
  return ticket.upload.id;
}

/** What the triggers keep: daily rows that count anything, and every user's stored totals. */
async function keptTotals() {
  const daily = await db.uploadDailyStat.findMany({
    where: { OR: [{ uploads: { not: 0 } }, { bytes: { not: 0 } }] },
    orderBy: [{ day: "asc" }, { status: "asc" }, { review: "asc" }],
  });
  const users = await db.user.findMany({ select: { id: true, storedBytes: true, storedFiles: true }, orderBy: { id: "asc" } });
  return { daily: daily.map((row) => ({ ...row, day: row.day.toISOString().slice(0, 10), bytes: Number(row.bytes) })), users };
}

/** The trigger-kept totals equal the same totals recounted from scratch over "Upload". */
async function expectTotalsExact() {
  const kept = await keptTotals();
  await recountTotals();
  expect(kept).toEqual(await keptTotals());
  return kept;
}

async function stored(userId: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { storedBytes: true, storedFiles: true } });
  return [Number(user.storedBytes), user.storedFiles];
}

beforeAll(async () => {
  alice = await newUser("Alice");
  bob = await newTrustedUser("Bob");
  carol = await newUser("Carol");
  dave = await newTrustedUser("Dave");
});

afterAll(async () => {
  // The multipart upload S3 holds for dave's open slot.
  if (ids.multipart) await deleteUpload(dave, ids.multipart, meta);
});

describe("trigger-kept upload totals", () => {
  it("match a recount after every kind of change", async () => {
    ids.open = (await slot(alice, 700)).upload.id;
    ids.multipart = (await slot(dave, 40 * 1024 ** 2, "big.bin")).upload.id;
    await expectTotalsExact();
    expect(await stored(alice)).toEqual([0, 0]);

    ids.a1 = await finished(alice, 1000);
    ids.a2 = await finished(alice, 2000);
    ids.b1 = await finished(bob, 3000);
    ids.c1 = await finished(carol, 4000);
    ids.d1 = await finished(dave, 5000);
    await expectTotalsExact();
    expect([await stored(alice), await stored(bob), await stored(dave)]).toEqual([
      [3000, 2],
      [3000, 1],
      [5000, 1],
    ]);

    // Bytes that do not match the slot fail it.
    const failing = await slot(alice, 500);
    const { key } = await db.upload.findUniqueOrThrow({ where: { id: failing.upload.id } });
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: incomingKey(key), Body: randomBytes(400), ContentType: "application/octet-stream" }));
    expect((await rejection(completeUpload(alice, failing.upload.id, meta))).code).toBe("object_mismatch");
    expect((await db.upload.findUniqueOrThrow({ where: { id: failing.upload.id } })).status).toBe("FAILED");
    await expectTotalsExact();

    await deleteUpload(bob, ids.b1, meta);
    await expectTotalsExact();
    expect(await stored(bob)).toEqual([0, 0]);

    expect(await expireUpload(await db.upload.findUniqueOrThrow({ where: { id: ids.open } }), null)).toBe(true);
    await expectTotalsExact();

    // Rejected into quarantine: the object still takes space. Rejected and deleted: it does not.
    await db.upload.update({ where: { id: ids.a1 }, data: { review: "REJECTED", quarantinedAt: new Date() } });
    await expectTotalsExact();
    expect(await stored(alice)).toEqual([3000, 2]);
    await db.upload.update({ where: { id: ids.a2 }, data: { review: "REJECTED" } });
    await expectTotalsExact();
    expect(await stored(alice)).toEqual([1000, 1]);

    // Moving an upload to another day moves its row in the daily totals.
    await db.upload.update({ where: { id: ids.d1 }, data: { createdAt: new Date(Date.now() - 3 * 86_400_000) } });
    await expectTotalsExact();

    const before = await keptTotals();
    await db.user.delete({ where: { id: carol } });
    const after = await expectTotalsExact();
    expect(after.users.find((user) => user.id === carol)).toBeUndefined();
    const count = (totals: typeof before) => totals.daily.reduce((sum, row) => sum + row.uploads, 0);
    expect(count(before) - count(after)).toBe(1);
  });

  it("are what readStats answers", async () => {
    const stats = await readStats();
    const uploads = await db.upload.findMany({ select: { status: true, review: true, size: true, createdAt: true } });

    expect(stats.bytes).toBe(1000 + 5000);
    expect(stats.objects).toBe(2);
    expect(stats.users).toBe(await db.user.count());
    expect(stats.byStatus).toEqual({ PENDING: 1, UPLOADING: 0, COMPLETE: 3, ABORTED: 0, EXPIRED: 1, FAILED: 1, DELETED: 1 });
    expect(stats.byReview).toEqual({ NONE: 0, PENDING: 0, APPROVED: 1, REJECTED: 2 });
    expect(stats.topUploaders.map(({ id, bytes, files }) => [id, bytes, files])).toEqual([
      [dave, 5000, 1],
      [alice, 1000, 1],
    ]);
    expect(stats.topUploaders[0]).toMatchObject({ email: expect.stringMatching(/@test\.local$/), name: "Dave" });

    // 30 UTC days ending today, oldest first, zero-filled, from the upload rows themselves.
    const today = new Date().toISOString().slice(0, 10);
    expect(stats.daily).toHaveLength(30);
    expect(stats.daily[29].day).toBe(today);
    expect(stats.daily[0].day).toBe(new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10));
    for (const { day, uploads: count, bytes } of stats.daily) {
      const onDay = uploads.filter((upload) => upload.createdAt.toISOString().slice(0, 10) === day);
      expect({ day, count, bytes }).toEqual({ day, count: onDay.length, bytes: onDay.reduce((sum, upload) => sum + Number(upload.size), 0) });
    }
    expect(stats.daily[26].uploads).toBe(1);

    // The bucket is shared with other test files: at least dave's open multipart upload is there.
    expect(stats.incompleteMultipart.count).toBeGreaterThanOrEqual(1);
    expect(stats.incompleteMultipart.count).toBeLessThanOrEqual(1000);
    expect(typeof stats.incompleteMultipart.more).toBe("boolean");
  });
});
