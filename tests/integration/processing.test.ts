import "../support/use-clamd";
import { createHash, randomBytes } from "node:crypto";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideReview } from "@/lib/admin/uploads/decide-review";
import { listReviewQueue } from "@/lib/admin/uploads/list-review-queue";
import { previewUpload } from "@/lib/admin/uploads/preview-upload";
import { db } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import { startWorkers } from "@/lib/jobs/start-workers";
import { createShareLink } from "@/lib/links/create-share-link";
import { presignThumbnail } from "@/lib/processing/presign-thumbnail";
import { queueUnprocessed } from "@/lib/processing/queue-unprocessed";
import { rescanUpload } from "@/lib/processing/rescan-uploads";
import { downloadOwnUpload } from "@/lib/uploads/download-own-upload";
import { quarantineKey } from "@/lib/uploads/object-keys";
import { reviewQueueQuerySchema } from "@/lib/validations/admin-uploads";
import { meta, newTrustedUser, newUser, rejection } from "../support/domain-helpers";
import { processed, until } from "../support/processing-helpers";
import { fetchBytes, finishedUpload, newAdmin, storedEtag } from "../support/review-helpers";
import { cleanBytes, eicarBytes, markerBytes } from "../support/scan-samples";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const refusal = async (promise: Promise<unknown>) => {
  const error = await rejection(promise);
  return [error.status, error.code];
};
const HOUR_LINK = { expiresInSeconds: 3600 };

let admin: string;
let trusted: string;
let uma: string;
let png: Buffer;

beforeAll(async () => {
  [admin, trusted, uma] = await Promise.all([newAdmin("Ann"), newTrustedUser("Tia"), newUser("Uma")]);
  png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#3366aa" } })
    .png()
    .toBuffer();
  await startWorkers();
});

afterAll(() => stopBoss());

describe("a clean file", () => {
  it("becomes clean with the SHA-256 of its bytes, once, and can then be shared", async () => {
    const bytes = cleanBytes(300_000);
    const id = await finishedUpload(trusted, "notes.bin", "application/octet-stream", bytes);
    const row = await processed(id);
    expect([row.processing, row.sha256, row.scanSignature, row.typeMismatch]).toEqual(["CLEAN", sha256(bytes), null, false]);
    expect(row.scannedWith).toBeTruthy();
    expect(await db.auditEvent.count({ where: { action: "processing.complete", target: id } })).toBe(1);
    await expect(createShareLink(trusted, id, HOUR_LINK, meta)).resolves.toBeDefined();
  });

  it("cannot be shared while it waits for its scan", async () => {
    const id = await finishedUpload(trusted, "later.txt", "text/plain", cleanBytes(1000));
    await processed(id);
    await db.upload.update({ where: { id }, data: { processing: "QUEUED" } });
    expect(await refusal(createShareLink(trusted, id, HOUR_LINK, meta))).toEqual([409, "upload_processing"]);
    await db.upload.update({ where: { id }, data: { processing: "FAILED" } });
    expect(await refusal(createShareLink(trusted, id, HOUR_LINK, meta))).toEqual([409, "upload_scan_failed"]);
  });
});

describe("an infected file", () => {
  it("is quarantined at once, refused to its owner and to links, and tops the admin queue", async () => {
    const older = await finishedUpload(uma, "older.txt", "text/plain", cleanBytes(100));
    const id = await finishedUpload(uma, "eicar.com.txt", "text/plain", eicarBytes());
    const row = await processed(id);
    expect(row.processing).toBe("INFECTED");
    expect(row.scanSignature).toMatch(/EICAR/i);
    expect(row.quarantinedAt).not.toBeNull();
    // The row changes first (nothing serves the file from then on), the object follows it.
    await until(async () => (await storedEtag(row.key)) === null);
    expect(await storedEtag(quarantineKey(row.key))).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: "processing.infected", target: id } })).toBe(1);

    expect(await refusal(downloadOwnUpload(uma, id, meta))).toEqual([409, "upload_infected"]);
    expect(await refusal(createShareLink(uma, id, HOUR_LINK, meta))).toEqual([409, "upload_infected"]);
    expect(await refusal(decideReview(admin, id, { decision: "approve" }, meta))).toEqual([409, "upload_infected"]);
    expect(await refusal(previewUpload(id))).toEqual([409, "not_previewable"]);

    await processed(older);
    const queue = await listReviewQueue(reviewQueueQuerySchema.parse({ review: "pending" }));
    expect(queue.items[0].id).toBe(id);
    expect(queue.items[0].processing?.scan.signature).toMatch(/EICAR/i);
    expect(queue.items.map((item) => item.id)).toContain(older);
  });

  it("of a trusted user (approved at completion) still tops the queue until an admin rejects it", async () => {
    const id = await finishedUpload(trusted, "marker.bin", "application/octet-stream", markerBytes(50_000));
    const row = await processed(id);
    expect([row.processing, row.review, row.scanSignature]).toEqual(["INFECTED", "APPROVED", "Slipway.Test.Marker.UNOFFICIAL"]);
    const { items } = await listReviewQueue(reviewQueueQuerySchema.parse({ review: "pending" }));
    const infected = items.map((item) => item.processing?.state === "infected");
    expect(infected, "infected files first").toEqual([...infected].sort((a, b) => Number(b) - Number(a)));
    expect(items.find((item) => item.id === id)?.processing?.state).toBe("infected");
    await decideReview(admin, id, { decision: "reject", note: "Malware" }, meta);
    expect((await listReviewQueue(reviewQueueQuerySchema.parse({ review: "pending" }))).items.map((item) => item.id)).not.toContain(id);
  });
});

describe("types and images", () => {
  it("flags a PNG declared as a PDF", async () => {
    const id = await finishedUpload(trusted, "report.pdf", "application/pdf", png);
    const row = await processed(id);
    expect([row.detectedType, row.typeMismatch, row.processing]).toEqual(["image/png", true, "CLEAN"]);
  });

  it("thumbnails an image and records its dimensions", async () => {
    const id = await finishedUpload(uma, "photo.png", "image/png", png);
    const row = await processed(id);
    expect([row.width, row.height, row.typeMismatch]).toEqual([1200, 800, false]);
    const webp = await fetchBytes(await presignThumbnail(row));
    const meta = await sharp(webp).metadata();
    expect([meta.format, Math.max(meta.width ?? 0, meta.height ?? 0)]).toEqual(["webp", 320]);
  });

  it("fails only the thumbnail of a truncated PNG, and the worker goes on", async () => {
    const broken = await finishedUpload(uma, "broken.png", "image/png", png.subarray(0, Math.floor(png.length / 2)));
    const row = await processed(broken);
    expect([row.processing, row.thumbnailKey, row.width]).toEqual(["CLEAN", null, null]);
    expect(row.processingError).toMatch(/thumbnail/i);
    const next = await finishedUpload(uma, "after.png", "image/png", png);
    expect((await processed(next)).thumbnailKey).not.toBeNull();
  });
});

describe("limits and re-runs", () => {
  it("marks a file above the scan limit too large to scan, never clean", async () => {
    const bytes = randomBytes(9 * 1024 * 1024);
    const id = await finishedUpload(trusted, "big.bin", "application/octet-stream", bytes);
    const row = await processed(id);
    expect([row.processing, row.sha256]).toEqual(["TOO_LARGE_TO_SCAN", sha256(bytes)]);
  });

  it("scans a file again on request", async () => {
    const id = await finishedUpload(uma, "again.txt", "text/plain", cleanBytes(2000));
    await processed(id);
    expect(await rescanUpload(id)).toBe(true);
    const row = await processed(id);
    expect([row.processing, row.processingAttempts]).toEqual(["CLEAN", 2]);
  });

  it("processes files finished before processing existed (the backfill)", async () => {
    const id = await finishedUpload(uma, "old.txt", "text/plain", cleanBytes(500));
    await processed(id);
    await db.upload.update({ where: { id }, data: { processing: null, sha256: null } });
    expect((await queueUnprocessed()).queued).toBeGreaterThanOrEqual(1);
    expect((await processed(id)).sha256).not.toBeNull();
  });
});
