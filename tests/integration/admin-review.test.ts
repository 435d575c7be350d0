import { randomBytes, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { decideReview } from "@/lib/admin/uploads/decide-review";
import { decideReviews } from "@/lib/admin/uploads/decide-reviews";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createShareLink } from "@/lib/links/create-share-link";
import { assertUsable, findShareLink } from "@/lib/links/find-share-link";
import { redeemShareLink } from "@/lib/links/redeem-share-link";
import { hashShareToken } from "@/lib/links/share-token";
import { moveObject } from "@/lib/storage/objects";
import { createUploadSlot } from "@/lib/uploads/create-upload-slot";
import { deleteUpload } from "@/lib/uploads/delete-upload";
import { downloadOwnUpload } from "@/lib/uploads/download-own-upload";
import { quarantineKey } from "@/lib/uploads/object-keys";
import { reviewSchema } from "@/lib/validations/admin-uploads";
import { meta, newTrustedUser, newUser, rejection } from "../support/domain-helpers";
import { must } from "../support/must";
import { fetchBytes, finishedUpload, newAdmin, storedEtag } from "../support/review-helpers";

let ann: string; // admin
let bob: string; // admin
let uma: string; // untrusted: her files wait for review
let tess: string; // trusted: her files are approved automatically

const hour = { expiresInSeconds: 3600 };
const tokenOf = (url: string) => new URL(url).pathname.replace(/^.*\//, "");
const keyOf = async (id: string) => (await db.upload.findUniqueOrThrow({ where: { id } })).key;
const reviewAudits = (id: string) => db.auditEvent.findMany({ where: { target: id, action: { startsWith: "review." } }, orderBy: { createdAt: "asc" } });
const storedFiles = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).storedFiles;

/** Every way a share link can be refused, as the public page (assertUsable) and the download (redeem) see it. */
async function linkRefusal(url: string) {
  const token = tokenOf(url);
  const page = await rejection(Promise.resolve().then(async () => assertUsable(await findShareLink(hashShareToken(token)))));
  const download = await rejection(redeemShareLink(token, undefined, meta));
  return [page.status, page.code, download.status, download.code];
}

beforeAll(async () => {
  [ann, bob, uma, tess] = await Promise.all([newAdmin("Ann"), newAdmin("Bob"), newUser("Uma"), newTrustedUser("Tess")]);
});

describe("review of an untrusted user's file", () => {
  it("waits for review: its owner can download it, nobody can share it", async () => {
    const bytes = randomBytes(3000);
    const id = await finishedUpload(uma, "waiting.bin", "application/octet-stream", bytes);
    expect((await db.upload.findUniqueOrThrow({ where: { id } })).review).toBe("PENDING");
    expect((await rejection(createShareLink(uma, id, hour, meta))).code).toBe("upload_pending_review");
    expect(await fetchBytes(await downloadOwnUpload(uma, id, meta))).toEqual(bytes);
  });

  it("approved by an admin, can be shared and serves exactly its bytes; the decision is audited", async () => {
    const bytes = randomBytes(4000);
    const id = await finishedUpload(uma, "fine.bin", "application/octet-stream", bytes);
    const key = await keyOf(id);
    const { upload } = await decideReview(ann, id, { decision: "approve", note: "looks fine" }, meta);
    expect(upload).toMatchObject({ id, review: "APPROVED", reviewNote: "looks fine", quarantined: false, reviewer: { id: ann, name: "Ann" }, owner: { id: uma, name: "Uma" } });
    expect(upload.reviewedAt).not.toBeNull();

    const { url } = await createShareLink(uma, id, hour, meta);
    expect(await fetchBytes((await redeemShareLink(tokenOf(url), undefined, meta)).url)).toEqual(bytes);
    const audits = await reviewAudits(id);
    expect(audits.map(({ action, actorId, ip, data }) => ({ action, actorId, ip, data }))).toEqual([
      {
        action: "review.approve",
        actorId: ann,
        ip: meta.ip,
        data: {
          before: { review: "PENDING", note: null, location: key },
          after: { review: "APPROVED", note: "looks fine", location: key },
          etag: must(upload.etag, "etag"),
        },
      },
    ]);
  });
});

describe("rejection", () => {
  it("takes a shared file down at once: links 410, owner 409, object moved under quarantine/, audited", async () => {
    const id = await finishedUpload(tess, "shared.bin", "application/octet-stream", randomBytes(2500));
    const key = await keyOf(id);
    const etag = must(await storedEtag(key), "the object");
    const links = [await createShareLink(tess, id, hour, meta), await createShareLink(tess, id, { ...hour, maxDownloads: 5 }, meta)];
    const filesBefore = await storedFiles(tess);

    // As the route reads it: the note is trimmed and kept on one line.
    const { upload } = await decideReview(ann, id, reviewSchema.parse({ decision: "reject", note: "  not allowed\r\nhere  " }), meta);
    expect(upload).toMatchObject({ review: "REJECTED", reviewNote: "not allowed here", quarantined: true, reviewer: { id: ann } });
    for (const link of links) expect(await linkRefusal(link.url)).toEqual([410, "link_file_gone", 410, "link_file_gone"]);
    expect((await rejection(downloadOwnUpload(tess, id, meta))).code).toBe("upload_rejected");
    expect((await rejection(createShareLink(tess, id, hour, meta))).code).toBe("upload_rejected");

    expect(await storedEtag(key)).toBeNull();
    expect(await storedEtag(quarantineKey(key))).toBe(etag);
    // A quarantined file still takes its owner's space.
    expect(await storedFiles(tess)).toBe(filesBefore);
    const [audit] = await reviewAudits(id).then((rows) => rows.filter((row) => row.action === "review.reject"));
    expect(audit.data).toEqual({
      before: { review: "APPROVED", note: null, location: key },
      after: { review: "REJECTED", note: "not allowed here", location: quarantineKey(key) },
      etag,
    });
  });

  it("approving a quarantined file brings the same object back and its old links work again", async () => {
    const bytes = randomBytes(3500);
    const id = await finishedUpload(tess, "restored.bin", "application/octet-stream", bytes);
    const key = await keyOf(id);
    const etag = await storedEtag(key);
    const { url } = await createShareLink(tess, id, hour, meta);
    await decideReview(ann, id, { decision: "reject", note: "suspicious" }, meta);
    expect(await storedEtag(key)).toBeNull();

    const { upload } = await decideReview(bob, id, { decision: "approve" }, meta);
    expect(upload).toMatchObject({ review: "APPROVED", reviewNote: null, quarantined: false, reviewer: { id: bob } });
    expect(await storedEtag(key)).toBe(etag);
    expect(await storedEtag(quarantineKey(key))).toBeNull();
    expect(await fetchBytes((await redeemShareLink(tokenOf(url), undefined, meta)).url)).toEqual(bytes);
    expect(must((await reviewAudits(id)).at(-1), "the approval").data).toEqual({
      before: { review: "REJECTED", note: "suspicious", location: quarantineKey(key) },
      after: { review: "APPROVED", note: null, location: key },
      etag,
    });
    // Approved by a person now: final.
    expect((await rejection(decideReview(ann, id, { decision: "reject", note: "changed my mind" }, meta))).code).toBe("already_decided");
  });

  it("with REJECT_ACTION=delete removes the object for good: approving afterwards is 409", async () => {
    const id = await finishedUpload(uma, "gone.bin", "application/octet-stream", randomBytes(1000));
    const key = await keyOf(id);
    const filesBefore = await storedFiles(uma);
    env.REJECT_ACTION = "delete";
    try {
      const { upload } = await decideReview(ann, id, { decision: "reject", note: "illegal" }, meta);
      expect(upload).toMatchObject({ review: "REJECTED", quarantined: false });
    } finally {
      env.REJECT_ACTION = "quarantine";
    }
    expect(await storedEtag(key)).toBeNull();
    expect(await storedEtag(quarantineKey(key))).toBeNull();
    expect(await storedFiles(uma)).toBe(filesBefore - 1);
    expect(must((await reviewAudits(id)).at(-1), "the rejection").data).toMatchObject({ after: { review: "REJECTED", location: null } });
    const refusal = await rejection(decideReview(bob, id, { decision: "approve" }, meta));
    expect([refusal.code, refusal.message]).toEqual(["already_decided", "This file was already rejected by Ann."]);
  });

  it("leaves nothing behind in quarantine/ once the owner deletes the rejected file", async () => {
    const id = await finishedUpload(uma, "deleted-later.bin", "application/octet-stream", randomBytes(100));
    const key = await keyOf(id);
    await decideReview(ann, id, { decision: "reject", note: "no" }, meta);
    expect(await storedEtag(quarantineKey(key))).not.toBeNull();
    await deleteUpload(uma, id, meta);
    expect([await storedEtag(key), await storedEtag(quarantineKey(key))]).toEqual([null, null]);
  });

  it("needs a note, and changes nothing without one", async () => {
    const id = await finishedUpload(uma, "nonote.bin", "application/octet-stream", randomBytes(100));
    for (const note of [undefined, ""]) expect((await rejection(decideReview(ann, id, { decision: "reject", note }, meta))).code).toBe("note_required");
    expect((await db.upload.findUniqueOrThrow({ where: { id } })).review).toBe("PENDING");
    expect(await reviewAudits(id)).toEqual([]);
  });
});

describe("decisions are made once", () => {
  it("deciding the same again answers the same and writes nothing", async () => {
    const id = await finishedUpload(uma, "twice.bin", "application/octet-stream", randomBytes(100));
    const first = await decideReview(ann, id, { decision: "reject", note: "first" }, meta);
    const again = await decideReview(bob, id, { decision: "reject", note: "second" }, meta);
    expect(again).toEqual(first);
    const approved = await finishedUpload(uma, "twice-ok.bin", "application/octet-stream", randomBytes(100));
    const firstApproval = await decideReview(ann, approved, { decision: "approve" }, meta);
    expect(await decideReview(bob, approved, { decision: "approve", note: "me too" }, meta)).toEqual(firstApproval);
    expect((await reviewAudits(id)).length + (await reviewAudits(approved)).length).toBe(2);
  });

  it("a different decision on a decided file is 409 already_decided, naming who decided", async () => {
    const id = await finishedUpload(uma, "decided.bin", "application/octet-stream", randomBytes(100));
    await decideReview(ann, id, { decision: "approve" }, meta);
    const refusal = await rejection(decideReview(bob, id, { decision: "reject", note: "no" }, meta));
    expect([refusal.status, refusal.code, refusal.message]).toEqual([409, "already_decided", "This file was already approved by Ann."]);
    expect(refusal.details).toEqual({ decision: "approve", reviewer: { id: ann, name: "Ann", email: expect.stringMatching(/@test\.local$/) } });
  });

  it("an automatic approval is nobody's decision: an admin can still reject, or confirm it", async () => {
    const rejected = await finishedUpload(tess, "auto-rejected.bin", "application/octet-stream", randomBytes(100));
    expect((await db.upload.findUniqueOrThrow({ where: { id: rejected } })).reviewerId).toBeNull();
    await expect(decideReview(ann, rejected, { decision: "reject", note: "taken down" }, meta)).resolves.toMatchObject({ upload: { review: "REJECTED" } });
    const confirmed = await finishedUpload(tess, "auto-confirmed.bin", "application/octet-stream", randomBytes(100));
    await expect(decideReview(ann, confirmed, { decision: "approve" }, meta)).resolves.toMatchObject({ upload: { review: "APPROVED", reviewer: { id: ann } } });
    expect((await rejection(decideReview(bob, confirmed, { decision: "reject", note: "no" }, meta))).code).toBe("already_decided");
  });

  it("two admins deciding at once: exactly one wins, the other is told who", async () => {
    for (let round = 0; round < 4; round += 1) {
      const id = await finishedUpload(uma, `race-${round}.bin`, "application/octet-stream", randomBytes(200));
      const key = await keyOf(id);
      const [approval, rejectionResult] = await Promise.allSettled([
        decideReview(ann, id, { decision: "approve" }, meta),
        decideReview(bob, id, { decision: "reject", note: "race" }, meta),
      ]);
      const outcomes = [approval.status, rejectionResult.status].sort();
      expect(outcomes).toEqual(["fulfilled", "rejected"]);
      const [winner, loser] = approval.status === "fulfilled" ? [ann, rejectionResult] : [bob, approval];
      const reason = (loser as PromiseRejectedResult).reason;
      expect([reason.code, reason.details.reviewer.id]).toEqual(["already_decided", winner]);
      const row = await db.upload.findUniqueOrThrow({ where: { id } });
      expect(row.reviewerId).toBe(winner);
      expect(await reviewAudits(id)).toHaveLength(1);
      // Storage follows the winner.
      const [atKey, inQuarantine] = [await storedEtag(key), await storedEtag(quarantineKey(key))];
      expect([atKey !== null, inQuarantine !== null]).toEqual(winner === ann ? [true, false] : [false, true]);
    }
  });

  it("two admins making the same decision at once both get the winner's result", async () => {
    const id = await finishedUpload(uma, "same-race.bin", "application/octet-stream", randomBytes(200));
    const [first, second] = await Promise.all([decideReview(ann, id, { decision: "approve" }, meta), decideReview(bob, id, { decision: "approve" }, meta)]);
    expect(first).toEqual(second);
    expect(await reviewAudits(id)).toHaveLength(1);
  });

  it("repeating a rejection finishes a quarantine move that was interrupted", async () => {
    const id = await finishedUpload(uma, "interrupted.bin", "application/octet-stream", randomBytes(300));
    const key = await keyOf(id);
    await decideReview(ann, id, { decision: "reject", note: "bad" }, meta);
    // As if the process had died after recording the decision, before moving the object.
    expect(await moveObject(quarantineKey(key), key)).toBe(true);
    expect(await storedEtag(quarantineKey(key))).toBeNull();

    await decideReview(ann, id, { decision: "reject", note: "bad" }, meta);
    expect(await storedEtag(key)).toBeNull();
    expect(await storedEtag(quarantineKey(key))).not.toBeNull();
    expect(await reviewAudits(id)).toHaveLength(1);
  });

  it("only finished files: 409 upload_not_ready; 404 for an unknown id", async () => {
    const open = await createUploadSlot(uma, { name: "open.bin", type: "application/octet-stream", size: 10 }, meta);
    expect((await rejection(decideReview(ann, open.upload.id, { decision: "approve" }, meta))).code).toBe("upload_not_ready");
    expect((await rejection(decideReview(ann, randomUUID(), { decision: "approve" }, meta))).status).toBe(404);
  });
});

describe("bulk review", () => {
  it("decides each file on its own and reports the ones it could not", async () => {
    const [first, second] = [
      await finishedUpload(uma, "bulk-1.bin", "application/octet-stream", randomBytes(100)),
      await finishedUpload(uma, "bulk-2.bin", "application/octet-stream", randomBytes(100)),
    ];
    const open = (await createUploadSlot(uma, { name: "bulk-open.bin", type: "application/octet-stream", size: 10 }, meta)).upload.id;
    const unknown = randomUUID();
    const { results } = await decideReviews(ann, { ids: [first, unknown, open, second], decision: "reject", note: "spam" }, meta);
    expect(results).toEqual([
      { id: first, status: "ok" },
      { id: unknown, status: 404, code: "not_found" },
      { id: open, status: 409, code: "upload_not_ready" },
      { id: second, status: "ok" },
    ]);
    const rows = await db.upload.findMany({ where: { id: { in: [first, second] } } });
    expect(rows.map((row) => [row.review, row.reviewNote, row.reviewerId])).toEqual([
      ["REJECTED", "spam", ann],
      ["REJECTED", "spam", ann],
    ]);
    expect((await decideReviews(bob, { ids: [first], decision: "approve" }, meta)).results).toEqual([{ id: first, status: "ok" }]);
  });

  it("refuses a rejection without a note before deciding anything", async () => {
    const id = await finishedUpload(uma, "bulk-nonote.bin", "application/octet-stream", randomBytes(100));
    expect((await rejection(decideReviews(ann, { ids: [id], decision: "reject" }, meta))).code).toBe("note_required");
    expect((await db.upload.findUniqueOrThrow({ where: { id } })).review).toBe("PENDING");
  });
});
