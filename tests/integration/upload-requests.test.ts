import { beforeAll, describe, expect, it } from "vitest";
import { findAdminUpload } from "@/lib/admin/uploads/find-admin-upload";
import { serializeAdminUpload } from "@/lib/admin/uploads/serialize-admin-upload";
import { db } from "@/lib/db";
import { toErrorResponse } from "@/lib/errors";
import { checkRequestPassword } from "@/lib/requests/check-request-password";
import { describeUploadRequest } from "@/lib/requests/describe-upload-request";
import { findGuestUpload } from "@/lib/requests/find-guest-upload";
import { listUploadRequests } from "@/lib/requests/list-upload-requests";
import { revokeUploadRequest } from "@/lib/requests/revoke-upload-request";
import { cancelGuestUpload } from "@/lib/requests/cancel-guest-upload";
import { finishUpload } from "@/lib/uploads/complete-upload";
import { deleteUpload } from "@/lib/uploads/delete-upload";
import { listUploads } from "@/lib/uploads/list-uploads";
import { findOwnUpload } from "@/lib/uploads/find-own-upload";
import { serializeUpload } from "@/lib/uploads/serialize-upload";
import { createUploadSchema } from "@/lib/validations/upload";
import { createRequestSchema } from "@/lib/validations/request";
import { meta, newTrustedUser, newUser, rejection, testPassword } from "../support/domain-helpers";
import { newAdmin } from "../support/review-helpers";
import { guestMeta, guestSlot, newRequest, putBytes } from "../support/request-helpers";
import type { GuestTicket } from "@/lib/requests/request-json";

let owner: string;
let other: string;
beforeAll(async () => {
  [owner, other] = await Promise.all([newUser("Olga"), newUser("Otto")]);
});

/** A guest's file sent and completed through the request; returns the guest's answer. */
async function guestFinished(token: string, ticket: GuestTicket) {
  await putBytes(ticket);
  return finishUpload(await findGuestUpload(token, ticket.upload.id, ticket.uploadKey), null, guestMeta());
}

/** "409 request_full": the status and code the API answers with for what `promise` throws. */
async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const { status, body } = toErrorResponse(error);
    return `${status} ${body.error.code}`;
  }
  throw new Error("expected a refusal");
}

describe("the owner's requests", () => {
  it("lists newest first a page at a time, with what each received and what is on its way", async () => {
    const owned = await newUser("Lister");
    const first = await newRequest(owned, { label: "first" });
    const second = await newRequest(owned, { label: "second", maxFiles: 5, allowedTypes: ["image/*", "application/pdf"] });
    const third = await newRequest(owned, { label: "third" });
    const pdf = { type: "application/pdf" };
    const done = await guestFinished(second.token, await guestSlot(second.token, { ...pdf, size: 300 }));
    await guestSlot(second.token, { ...pdf, size: 50 });
    await guestSlot(first.token, { size: 70 });

    const page1 = await listUploadRequests(owned, { limit: 2 });
    expect(page1.items.map((item) => item.label)).toEqual(["third", "second"]);
    const page2 = await listUploadRequests(owned, { cursor: page1.nextCursor ?? undefined, limit: 2 });
    expect([page2.items.map((item) => item.label), page2.nextCursor]).toEqual([["first"], null]);

    const shown = page1.items[1];
    expect(shown).toMatchObject({ id: second.id, status: "active", url: null, maxFiles: 5, allowedTypes: ["image/*", "application/pdf"], hasPassword: false });
    expect(shown.received).toEqual({ files: 1, bytes: 300, lastAt: done.completedAt?.toISOString() });
    expect(shown.inProgress).toEqual({ files: 1, bytes: 50 });
    expect(page2.items[0].inProgress).toEqual({ files: 1, bytes: 70 });
    expect(page1.items[0]).toMatchObject({ id: third.id, received: { files: 0, bytes: 0, lastAt: null }, inProgress: { files: 0, bytes: 0 } });
    expect(JSON.stringify(page1)).not.toContain(second.token);
    expect(await code(listUploadRequests(other, { cursor: second.id, limit: 2 }))).toBe("422 invalid_cursor");
  });

  it("revokes (404 for anyone else's): the link answers 410 and the guests' open slots are cancelled", async () => {
    const request = await newRequest(owner);
    const open = await guestSlot(request.token, { name: "big.bin", type: "application/octet-stream", size: 64 * 1024 ** 2 });
    const finished = await guestFinished(request.token, await guestSlot(request.token));
    expect(await code(revokeUploadRequest(other, request.id, meta))).toBe("404 not_found");
    await revokeUploadRequest(owner, request.id, meta);
    await revokeUploadRequest(owner, request.id, meta); // twice is harmless

    const rows = await db.upload.findMany({ where: { requestId: request.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((row) => [row.id, row.status])).toEqual([
      [open.upload.id, "ABORTED"],
      [finished.id, "COMPLETE"],
    ]);
    expect(await code(describeUploadRequest(request.token))).toBe("410 request_revoked");
    expect(await code(guestSlot(request.token))).toBe("410 request_revoked");
    expect(await code(findGuestUpload(request.token, finished.id, "x".repeat(43)))).toBe("410 request_revoked");
    const [listed] = (await listUploadRequests(owner, { limit: 1 })).items;
    expect([listed.status, listed.inProgress.files, listed.received.files]).toEqual(["revoked", 0, 1]);
    const actions = await db.auditEvent.findMany({ where: { target: { in: [request.id, open.upload.id] } }, orderBy: { createdAt: "asc" } });
    expect(actions.map((event) => [event.action, event.actorId])).toEqual([
      ["request.create", owner],
      ["upload.create", null],
      ["request.revoke", owner],
      ["upload.abort", owner],
    ]);
  });

  it("refuses bad terms: a file larger than the total, a type pattern that is no type, 21 types, too short a life", () => {
    const base = { label: "x", expiresInSeconds: 3600 };
    for (const bad of [
      { ...base, maxFileBytes: 2000, maxTotalBytes: 1000 },
      { ...base, allowedTypes: ["pdf"] },
      { ...base, allowedTypes: Array.from({ length: 21 }, (_, i) => `image/t${i}`) },
      { ...base, expiresInSeconds: 59 },
      { ...base, label: "\u202e " },
    ])
      expect(createRequestSchema.safeParse(bad).success, JSON.stringify(bad).slice(0, 80)).toBe(false);
    expect(createRequestSchema.parse({ ...base, allowedTypes: [" Image/* ", "image/*"] }).allowedTypes).toEqual(["image/*"]);
    expect(createUploadSchema.safeParse({ name: "a", type: "a/b", size: 1, guestName: "x" }).success).toBe(false);
  });
});

describe("what a guest sees and may do", () => {
  it("shows the terms and the room left, not the owner's storage; 404 for an unknown token, 410 when expired or the owner is disabled", async () => {
    const request = await newRequest(owner, { message: "Scans, please", maxFiles: 3, maxTotalBytes: 1000, maxFileBytes: 600, password: testPassword, askName: true });
    await guestSlot(request.token, { size: 400, guestName: "Gus", password: testPassword });
    const { request: shown } = await describeUploadRequest(request.token);
    expect(shown).toEqual({
      label: "Tax papers",
      message: "Scans, please",
      ownerName: "Olga",
      expiresAt: expect.any(String),
      maxFiles: 3,
      maxFileBytes: 600,
      maxTotalBytes: 1000,
      allowedTypes: [],
      askName: true,
      askEmail: false,
      needsPassword: true,
      remaining: { files: 2, bytes: 600 },
    });
    expect(await code(describeUploadRequest("A".repeat(43)))).toBe("404 not_found");
    expect(await code(describeUploadRequest("../etc"))).toBe("404 not_found");

    await db.uploadRequest.update({ where: { id: request.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await code(describeUploadRequest(request.token))).toBe("410 request_expired");
    expect(await code(guestSlot(request.token, { guestName: "Gus", password: testPassword }))).toBe("410 request_expired");

    const disabledOwner = await newUser("Dis");
    const suspended = await newRequest(disabledOwner);
    await db.user.update({ where: { id: disabledOwner }, data: { disabledAt: new Date() } });
    expect(await code(describeUploadRequest(suspended.token))).toBe("410 request_suspended");
    expect(await code(guestSlot(suspended.token))).toBe("410 request_suspended");
  });

  it("asks for the password (401 without, 403 wrong, 429 after ten wrong from one address) and a right one clears the count", async () => {
    const request = await newRequest(owner, { password: testPassword });
    const here = { ip: "203.0.113.7", userAgent: "vitest" };
    expect(await code(guestSlot(request.token))).toBe("401 password_required");
    expect(await code(guestSlot(request.token, { password: "not the password" }))).toBe("403 wrong_password");
    for (let i = 0; i < 9; i++) expect(await code(checkRequestPassword(request.token, `guess ${i}`, here))).toBe("403 wrong_password");
    await checkRequestPassword(request.token, testPassword, here); // the tenth try, right: clears this address's count
    for (let i = 0; i < 10; i++) expect(await code(checkRequestPassword(request.token, `again ${i}`, here))).toBe("403 wrong_password");
    expect(await code(checkRequestPassword(request.token, testPassword, here))).toBe("429 rate_limited");
    // A guest sending many files with the right password is never held up by it.
    for (let i = 0; i < 12; i++) await guestSlot(request.token, { password: testPassword });
    expect(await db.upload.count({ where: { requestId: request.id } })).toBe(12);
  });

  it("needs the name and e-mail the request asks for (422) and files them with the upload", async () => {
    const request = await newRequest(owner, { askName: true, askEmail: true });
    const missing = await rejection(guestSlot(request.token, { guestEmail: "gus@example.org" }));
    expect([missing.status, missing.code, missing.details]).toEqual([422, "validation_failed", [{ path: ["guestName"], message: expect.any(String) }]]);
    expect(await code(guestSlot(request.token, { guestName: "Gus", guestEmail: "  " }))).toBe("422 validation_failed");
    expect(await code(guestSlot(request.token, { guestName: "\u200b", guestEmail: "gus@example.org" }))).toBe("422 validation_failed");
    const ticket = await guestSlot(request.token, { guestName: " Gus\u202e ", guestEmail: "gus@example.org" });
    expect(await db.upload.findUniqueOrThrow({ where: { id: ticket.upload.id }, select: { guestName: true, guestEmail: true } })).toEqual({
      guestName: "Gus",
      guestEmail: "gus@example.org",
    });
    expect(ticket.upload.receivedVia).toBeNull(); // the guest's answer does not name the request
    expect(serializeUpload(await findOwnUpload(owner, ticket.upload.id)).receivedVia).toEqual({
      requestId: request.id,
      label: "Tax papers",
      guestName: "Gus",
      guestEmail: "gus@example.org",
    });
  });

  it("takes only the types and file sizes the request allows", async () => {
    const request = await newRequest(owner, { allowedTypes: ["image/*", "application/pdf"], maxFileBytes: 1000 });
    expect(await code(guestSlot(request.token, { type: "text/plain" }))).toBe("422 type_not_allowed");
    expect(await code(guestSlot(request.token, { type: "imagex/png" }))).toBe("422 type_not_allowed");
    expect(await code(guestSlot(request.token, { type: "image/png", size: 1001 }))).toBe("413 file_too_large");
    await guestSlot(request.token, { type: "image/png", size: 1000 });
    await guestSlot(request.token, { type: "application/pdf; charset=binary", size: 10 });
  });

  it("counts files: N accepted, the next refused in words; a cancelled, expired or deleted file makes room again", async () => {
    const request = await newRequest(owner, { maxFiles: 2 });
    const first = await guestSlot(request.token);
    const second = await guestSlot(request.token);
    const full = await rejection(guestSlot(request.token));
    expect([full.status, full.code, full.message]).toEqual([409, "request_full", "This request accepts 2 files and has them all."]);

    await cancelGuestUpload(await findGuestUpload(request.token, first.upload.id, first.uploadKey), guestMeta());
    const third = await guestSlot(request.token);
    await db.upload.update({ where: { id: third.upload.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const last = await guestSlot(request.token);
    const finished = await guestFinished(request.token, last);
    expect(await code(guestSlot(request.token))).toBe("409 request_full");
    // A delivered file stays the owner's: the guest cannot take it back, the owner can delete it.
    expect(await code(cancelGuestUpload(await findGuestUpload(request.token, finished.id, last.uploadKey), guestMeta()))).toBe("409 upload_closed");
    await deleteUpload(owner, finished.id, meta);
    await guestSlot(request.token);
    expect(await db.upload.count({ where: { requestId: request.id, id: second.upload.id, status: "PENDING" } })).toBe(1);
  });

  it("counts bytes: the total is never passed, and the refusal says what is left", async () => {
    const request = await newRequest(owner, { maxTotalBytes: 1000 });
    await guestSlot(request.token, { size: 700 });
    const refused = await rejection(guestSlot(request.token, { size: 301 }));
    expect([refused.status, refused.code, refused.message]).toEqual([409, "request_full", "This request accepts 1000 B in total and has 300 B left; this file is 301 B."]);
    await guestSlot(request.token, { size: 300 });
  });

  it("counts against the owner's quota without telling the guest the owner's figures", async () => {
    const small = await newUser("Small", 1000);
    const request = await newRequest(small);
    await guestSlot(request.token, { size: 900 });
    const refused = await rejection(guestSlot(request.token, { size: 200 }));
    expect([refused.status, refused.code, refused.details]).toEqual([413, "quota_exceeded", undefined]);
    expect(refused.message).not.toMatch(/\d/);
  });

  it("keeps a slot open no longer than its request", async () => {
    const request = await newRequest(owner, { expiresInSeconds: 120 });
    const ticket = await guestSlot(request.token);
    const { expiresAt } = await db.uploadRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(ticket.upload.expiresAt).toBe(expiresAt.toISOString());
  });
});

describe("what arrives", () => {
  it("waits for review even when its owner is trusted or an admin, is audited without an actor, and is marked received", async () => {
    const [trusted, admin] = await Promise.all([newTrustedUser("Tru"), newAdmin("Adm")]);
    for (const person of [trusted, admin]) {
      const request = await newRequest(person, { askName: true });
      const ticket = await guestSlot(request.token, { guestName: "Gus" });
      const done = await guestFinished(request.token, ticket);
      expect([done.status, done.review]).toEqual(["COMPLETE", "PENDING"]);
      const listed = (await listUploads(person, { limit: 5 })).items.find((item) => item.id === ticket.upload.id);
      const via = { requestId: request.id, label: "Tax papers", guestName: "Gus", guestEmail: null };
      expect(listed?.receivedVia).toEqual(via);
      expect(serializeAdminUpload(await findAdminUpload(ticket.upload.id)).receivedVia).toEqual(via);
      const events = await db.auditEvent.findMany({ where: { target: ticket.upload.id }, orderBy: { createdAt: "asc" } });
      expect(events.map((event) => [event.action, event.actorId, event.ip, event.data])).toEqual([
        ["upload.create", null, expect.stringMatching(/^192\.0\.2\./), expect.objectContaining({ requestId: request.id, guestName: "Gus" })],
        ["upload.complete", null, expect.stringMatching(/^192\.0\.2\./), expect.objectContaining({ requestId: request.id, guestName: "Gus", review: "PENDING" })],
      ]);
    }
  });
});
