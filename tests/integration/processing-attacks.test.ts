// Scanning on before lib/env is read; then Next's request scopes before anything loads Next (tests/support/next-route.ts).
import "../support/use-clamd";
import { errorOf, sessionCalls } from "../support/session-calls";
import { createHash } from "node:crypto";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { readProcessingStats } from "@/lib/admin/stats/read-processing-stats";
import { decideReview } from "@/lib/admin/uploads/decide-review";
import { readTextPreview } from "@/lib/admin/uploads/read-text-preview";
import { db } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import { RESCAN_ALL } from "@/lib/jobs/queues";
import { createShareLink } from "@/lib/links/create-share-link";
import { redeemShareLink } from "@/lib/links/redeem-share-link";
import { checkSignatures } from "@/lib/processing/check-signatures";
import { processUpload } from "@/lib/processing/process-upload";
import { queueUnprocessed } from "@/lib/processing/queue-unprocessed";
import { rescanUpload } from "@/lib/processing/rescan-uploads";
import { createUploadSlot } from "@/lib/uploads/create-upload-slot";
import { completeUpload } from "@/lib/uploads/complete-upload";
import { deleteUpload } from "@/lib/uploads/delete-upload";
import { downloadOwnUpload } from "@/lib/uploads/download-own-upload";
import { quarantineKey, thumbnailKey } from "@/lib/uploads/object-keys";
import { meta, newTrustedUser, newUser, rejection } from "../support/domain-helpers";
import { fetchBytes, finishedUpload, newAdmin, storedEtag } from "../support/review-helpers";
import { cleanBytes, eicarBytes } from "../support/scan-samples";
import { closedPort } from "../support/worker-process";
import { fakeClamd } from "../support/gated-clamd";
import { outcome, processNow, row, runHeldAtVerdict, withEnv } from "../support/processing-runs";
import { nestedEicar, pngClaiming } from "../support/hostile-samples";

// No workers run here: each test calls the job handler itself, so it decides what happens
// between a run's read and its record. Completion still queues jobs; nobody takes them.
const R = {
  rescanOne: "app/api/admin/uploads/[id]/rescan/route.ts",
  rescanEvery: "app/api/admin/uploads/rescan/route.ts",
  thumbnail: "app/api/uploads/[id]/thumbnail/route.ts",
};
const { as, call } = sessionCalls();
const refusal = async (promise: Promise<unknown>) => {
  const error = await rejection(promise);
  return [error.status, error.code];
};
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const HOUR_LINK = { expiresInSeconds: 3600 };
const tokenOf = (url: string) => url.slice(url.lastIndexOf("/") + 1);

let admin: string;
let uma: string;
let eve: string;
let tia: string;
let png: Buffer;

beforeAll(async () => {
  [admin, uma, eve, tia] = await Promise.all([newAdmin("Ann"), newUser("Uma"), newUser("Eve"), newTrustedUser("Tia")]);
  png = await sharp({ create: { width: 400, height: 300, channels: 3, background: "#226688" } })
    .png()
    .toBuffer();
});

afterAll(() => stopBoss());

// Each of these got through before its fix (an attack review of the first processing commit).
describe("attacks that once got through", () => {
  it("does not let an archive nested past clamd's recursion limit through as too large to scan", async () => {
    const control = await finishedUpload(tia, "shallow.zip", "application/zip", nestedEicar(3));
    expect((await processNow(control)).processing).toBe("INFECTED");
    const bytes = nestedEicar(17);
    expect(bytes.length).toBeLessThan(4096);
    const id = await finishedUpload(tia, "bundle.zip", "application/zip", bytes);
    const processed = await processNow(id);
    expect(processed.processing, `a ${bytes.length}-byte file (${processed.processing})`).not.toBe("TOO_LARGE_TO_SCAN");
    expect((await refusal(createShareLink(tia, id, HOUR_LINK, meta)))[0]).toBe(409);
  });

  it("records a re-scan's result only: a run already reading when the re-scan is asked for does not make the file clean", async () => {
    const id = await finishedUpload(uma, "rescanned.txt", "text/plain", cleanBytes(5000));
    const run = await runHeldAtVerdict(id);
    expect(await rescanUpload(id)).toBe(true);
    const after = await run.finish();
    expect(after.processing, "the re-scan has not run yet").toBe("QUEUED");
    expect(await refusal(decideReview(admin, id, { decision: "approve" }, meta))).toEqual([409, "upload_processing"]);
  });

  it("never previews a file found infected while it waits for a re-scan", async () => {
    const id = await finishedUpload(uma, "eicar-preview.txt", "text/plain", eicarBytes());
    expect((await processNow(id)).processing).toBe("INFECTED");
    expect(await rescanUpload(id)).toBe(true);
    expect(await outcome(readTextPreview(id).then(({ text }) => text)), "the infected bytes are shown to the admin").toEqual([409, "not_previewable"]);
  });

  it("refuses the owner's download of a file found infected while it waits for a re-scan", async () => {
    const id = await finishedUpload(uma, "eicar-download.txt", "text/plain", eicarBytes());
    expect((await processNow(id)).processing).toBe("INFECTED");
    expect(await rescanUpload(id)).toBe(true);
    expect(await outcome(downloadOwnUpload(uma, id, meta)), "a 302 (to the emptied key) instead of the refusal").toEqual([409, "upload_infected"]);
  });

  it("keeps a rejection made while the file was being scanned: the quarantined object stays restorable", async () => {
    const id = await finishedUpload(uma, "rejected-midway.txt", "text/plain", cleanBytes(5000));
    const run = await runHeldAtVerdict(id);
    await decideReview(admin, id, { decision: "reject", note: "Not allowed" }, meta);
    const after = await run.finish();
    expect(await storedEtag(quarantineKey(after.key)), "the object is under quarantine/").not.toBeNull();
    expect([after.review, after.quarantinedAt === null], "the row says the bytes were deleted").toEqual(["REJECTED", false]);
    await decideReview(admin, id, { decision: "approve" }, meta);
    expect(await storedEtag(after.key)).not.toBeNull();
  });

  it("deletes a rejected image's thumbnail along with its bytes (REJECT_ACTION=delete)", async () => {
    const id = await finishedUpload(uma, "rejected.png", "image/png", png);
    const { key } = await processNow(id);
    await withEnv({ REJECT_ACTION: "delete" }, () => decideReview(admin, id, { decision: "reject", note: "No" }, meta));
    expect(await storedEtag(key)).toBeNull();
    await as(uma);
    expect((await call(R.thumbnail, `/api/uploads/${id}/thumbnail`, { id })).status, "the owner still gets the rejected image's thumbnail").toBe(404);
    expect(await storedEtag(thumbnailKey(key)), "the thumbnail outlives the deleted file").toBeNull();
  });

  it("deletes an infected file's quarantined bytes when an admin rejects it (REJECT_ACTION=delete)", async () => {
    const id = await finishedUpload(uma, "eicar-rejected.txt", "text/plain", eicarBytes());
    const { key } = await processNow(id);
    await withEnv({ REJECT_ACTION: "delete" }, () => decideReview(admin, id, { decision: "reject", note: "Malware" }, meta));
    expect([await storedEtag(key), await storedEtag(quarantineKey(key))], "the infected bytes outlive the deletion").toEqual([null, null]);
  });

  it("does not count deleted files among those waiting for processing in the admin stats", async () => {
    const before = (await readProcessingStats()).byState.QUEUED;
    const id = await finishedUpload(uma, "deleted-while-queued.txt", "text/plain", cleanBytes(300));
    await deleteUpload(uma, id, meta);
    await processNow(id); // its job runs after the deletion and skips it
    expect((await readProcessingStats()).byState.QUEUED, "a deleted file stays 'queued' forever").toBe(before);
  });

  it("queues files processed while scanning was off once scanning is on", async () => {
    const id = await finishedUpload(tia, "unscanned.txt", "text/plain", cleanBytes(700));
    expect((await withEnv({ CLAMD_HOST: undefined }, () => processNow(id))).processing).toBe("OFF");
    // What a starting instance runs: the signature check (its first sighting) and the backfill.
    await checkSignatures();
    await queueUnprocessed();
    const [{ waiting }] = await db.$queryRaw<Array<{ waiting: number }>>`
      SELECT count(*)::int AS "waiting" FROM "pgboss"."job" WHERE "name" = ${RESCAN_ALL} AND "state" = 'created'`;
    const { processing } = await row(id);
    expect({ processing, waiting }, "nothing will ever scan it: its links say 'within a minute' forever").not.toEqual({ processing: "OFF", waiting: 0 });
  });
});

describe("guards: attacks that are refused", () => {
  it("keeps the admin routes from users and thumbnails from other users, with 4xx JSON for bad ids", async () => {
    const id = await finishedUpload(uma, "mine.png", "image/png", png);
    await processNow(id);
    await as(eve);
    expect(await errorOf(await call(R.thumbnail, `/api/uploads/${id}/thumbnail`, { id }))).toEqual([404, "not_found"]);
    expect(await errorOf(await call(R.rescanOne, `/api/admin/uploads/${id}/rescan`, { id }, "POST"))).toEqual([403, "forbidden"]);
    expect(await errorOf(await call(R.rescanEvery, "/api/admin/uploads/rescan", {}, "POST"))).toEqual([403, "forbidden"]);
    await as(uma);
    expect(await errorOf(await call(R.thumbnail, "/api/uploads/x'--/thumbnail", { id: "x'--" }))).toEqual([404, "not_found"]);
    await as(admin);
    expect(await errorOf(await call(R.rescanOne, "/api/admin/uploads/%00/rescan", { id: "\u0000" }, "POST"))).toEqual([404, "not_found"]);
  });

  it("refuses to re-scan a file that was rejected and deleted, or deleted by its owner", async () => {
    const rejected = await finishedUpload(uma, "gone.txt", "text/plain", cleanBytes(300));
    await processNow(rejected);
    await withEnv({ REJECT_ACTION: "delete" }, () => decideReview(admin, rejected, { decision: "reject", note: "No" }, meta));
    await as(admin);
    expect(await errorOf(await call(R.rescanOne, `/api/admin/uploads/${rejected}/rescan`, { id: rejected }, "POST"))).toEqual([409, "upload_not_ready"]);
    const deleted = await finishedUpload(uma, "deleted.txt", "text/plain", cleanBytes(300));
    await deleteUpload(uma, deleted, meta);
    expect(await errorOf(await call(R.rescanOne, `/api/admin/uploads/${deleted}/rescan`, { id: deleted }, "POST"))).toEqual([409, "upload_not_ready"]);
  });

  it("stops an existing link while its file is re-scanned, without counting the refusal", async () => {
    const id = await finishedUpload(tia, "shared.txt", "text/plain", cleanBytes(900));
    expect((await processNow(id)).processing).toBe("CLEAN");
    const { url, link } = await createShareLink(tia, id, HOUR_LINK, meta);
    await expect(redeemShareLink(tokenOf(url), undefined, meta)).resolves.toHaveProperty("url");
    await rescanUpload(id);
    expect(await refusal(redeemShareLink(tokenOf(url), undefined, meta))).toEqual([409, "upload_processing"]);
    expect((await db.shareLink.findUniqueOrThrow({ where: { id: link.id } })).downloadCount).toBe(1);
  });

  it("stops a link made while scanning was off once scanning is on", async () => {
    const id = await finishedUpload(tia, "early.txt", "text/plain", cleanBytes(900));
    const { url } = await withEnv({ CLAMD_HOST: undefined }, async () => {
      expect((await processNow(id)).processing).toBe("OFF");
      return createShareLink(tia, id, HOUR_LINK, meta);
    });
    expect(await refusal(redeemShareLink(tokenOf(url), undefined, meta))).toEqual([409, "upload_processing"]);
  });

  it("leaves no thumbnail behind when the file is deleted while it is processed", async () => {
    const id = await finishedUpload(uma, "doomed.png", "image/png", png);
    const run = await runHeldAtVerdict(id);
    await deleteUpload(uma, id, meta);
    const after = await run.finish();
    expect([after.status, await storedEtag(thumbnailKey(after.key))]).toEqual(["DELETED", null]);
  });

  it("scans and serves the verified bytes, not what an old PUT URL writes to incoming/ afterwards", async () => {
    const original = cleanBytes(eicarBytes().length);
    const ticket = await createUploadSlot(tia, { name: "swap.txt", type: "text/plain", size: original.length }, meta);
    if (ticket.strategy !== "single") throw new Error("expected a single PUT");
    const put = (body: Uint8Array) => fetch(ticket.url, { method: "PUT", headers: ticket.headers, body: new Uint8Array(body) });
    expect((await put(original)).status).toBe(200);
    await completeUpload(tia, ticket.upload.id, meta);
    expect((await put(eicarBytes())).status).toBe(200);
    const after = await processNow(ticket.upload.id);
    expect([after.processing, after.sha256]).toEqual(["CLEAN", sha256(original)]);
    expect(sha256(await fetchBytes(await downloadOwnUpload(tia, after.id, meta)))).toBe(sha256(original));
  });

  it("makes no thumbnail of markup declared as a PNG, nor of a decompression bomb; odd names still get theirs", async () => {
    const svg = await finishedUpload(uma, "cat.png", "image/png", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'));
    const bomb = await finishedUpload(uma, "bomb.png", "image/png", pngClaiming(60_000, 60_000));
    const odd = await finishedUpload(uma, 'a"b;c\\d %0D%0A<i>\u202Egnp.exe.png', "image/png", png);
    const [svgRow, bombRow, oddRow] = [await processNow(svg), await processNow(bomb), await processNow(odd)];
    expect([svgRow.processing, svgRow.thumbnailKey, bombRow.processing, bombRow.thumbnailKey]).toEqual(["CLEAN", null, "CLEAN", null]);
    expect(bombRow.processingError).toMatch(/over the limit/);
    await as(uma);
    expect(await errorOf(await call(R.thumbnail, `/api/uploads/${svg}/thumbnail`, { id: svg }))).toEqual([404, "not_found"]);
    const redirect = await call(R.thumbnail, `/api/uploads/${odd}/thumbnail`, { id: odd });
    expect(redirect.status).toBe(302);
    const response = await fetch(redirect.headers.get("location") ?? "");
    expect([response.status, response.headers.get("content-type"), oddRow.thumbnailKey]).toEqual([200, "image/webp", thumbnailKey(oddRow.key)]);
  });

  it("never records a clamd that answers garbage or stalls as clean", async () => {
    const id = await finishedUpload(tia, "garbled.txt", "text/plain", cleanBytes(2000));
    const garbage = await fakeClamd((socket) => socket.once("data", () => socket.end("stream: maybe\0")));
    await withEnv({ CLAMD_PORT: garbage.port }, async () => {
      await expect(processNow(id, 0, 1)).rejects.toThrow(/answered "stream: maybe"/);
      expect((await row(id)).processing).toBe("QUEUED");
      await expect(processNow(id, 1, 1)).rejects.toThrow();
    });
    await garbage.close();
    expect((await row(id)).processing).toBe("FAILED");
    expect(await refusal(createShareLink(tia, id, HOUR_LINK, meta))).toEqual([409, "upload_scan_failed"]);

    const silent = await fakeClamd(() => undefined);
    await withEnv({ CLAMD_PORT: silent.port, CLAMD_TIMEOUT_MS: 300 }, () => expect(processNow(id, 0, 1)).rejects.toThrow(/silent for 300 ms/));
    await silent.close();
    expect((await row(id)).processing).toBe("QUEUED");
  });

  it("ignores a job for an upload that does not exist", async () => {
    await expect(processUpload("00000000-0000-4000-8000-000000000000", { retryCount: 0, retryLimit: 4 })).resolves.toBeUndefined();
    await expect(processUpload("not an id", { retryCount: 0, retryLimit: 4 })).resolves.toBeUndefined();
  });

  it("answers health and the admin stats with clamd down", async () => {
    await withEnv({ CLAMD_PORT: await closedPort() }, async () => {
      const response = await health();
      expect([response.status, await response.json()]).toEqual([503, { db: "ok", s3: "ok", scanner: "down" }]);
      expect((await readProcessingStats()).scanner).toBe("down");
    });
  });
});
