import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createShareLink } from "@/lib/links/create-share-link";
import { listShareLinks, revokeShareLink } from "@/lib/links/manage-share-links";
import { redeemShareLink } from "@/lib/links/redeem-share-link";
import { completeUpload } from "@/lib/uploads/complete-upload";
import { createUploadSlot } from "@/lib/uploads/create-upload-slot";
import { deleteUpload } from "@/lib/uploads/delete-upload";
import { meta, newTrustedUser, newUser, rejection } from "../support/domain-helpers";

const NAME = 'résumé 日本語 "q".pdf';
let alice: string;
let bob: string;
let bytes: Buffer;
let fileId: string;

async function finishedUpload(name = NAME) {
  const ticket = await createUploadSlot(alice, { name, type: "application/pdf", size: bytes.length }, meta);
  if (ticket.strategy !== "single") throw new Error("expected a single PUT");
  expect((await fetch(ticket.url, { method: "PUT", headers: ticket.headers, body: new Uint8Array(bytes) })).status).toBe(200);
  await completeUpload(alice, ticket.upload.id, meta);
  return ticket.upload.id;
}

const tokenOf = (url: string) => new URL(url).pathname.replace(/^.*\//, "");
const hour = { expiresInSeconds: 3600 };

beforeAll(async () => {
  alice = await newTrustedUser("Alice");
  bob = await newUser("Bob");
  bytes = randomBytes(5000);
  fileId = await finishedUpload();
});

describe("share links", () => {
  it("downloads through a 60-second presigned GET under the exact Unicode name and type", async () => {
    const { url, link } = await createShareLink(alice, fileId, hour, meta);
    expect(link).toMatchObject({ status: "active", downloadCount: 0, hasPassword: false });
    const { url: download } = await redeemShareLink(tokenOf(url), undefined, meta);
    expect(new URL(download).searchParams.get("X-Amz-Expires")).toBe("60");
    const response = await fetch(download);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toContain(
      `filename*=UTF-8''${encodeURIComponent(NAME).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    );
    expect((await listShareLinks(alice, fileId)).items.find((item) => item.id === link.id)?.downloadCount).toBe(1);
    const uses = await db.auditEvent.findMany({ where: { action: "link.download", target: link.id } });
    expect(uses.map(({ actorId, ip, userAgent, data }) => ({ actorId, ip, userAgent, data }))).toEqual([
      { actorId: null, ip: meta.ip, userAgent: meta.userAgent, data: { outcome: "ok" } },
    ]);
  });

  it("stores no token, only its hash", async () => {
    const { url, link } = await createShareLink(alice, fileId, hour, meta);
    const token = tokenOf(url);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = JSON.stringify(await db.shareLink.findMany()) + JSON.stringify(await db.auditEvent.findMany());
    expect(rows).not.toContain(token);
    expect((await db.shareLink.findUniqueOrThrow({ where: { id: link.id } })).tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("gives exactly N downloads to 50 concurrent requests on a link limited to N", async () => {
    const { url } = await createShareLink(alice, fileId, { ...hour, maxDownloads: 3 }, meta);
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => redeemShareLink(tokenOf(url), undefined, meta)));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(3);
    const refusals = results.filter((result): result is PromiseRejectedResult => result.status === "rejected").map((result) => result.reason.status);
    expect(refusals).toEqual(Array(47).fill(410));
  });

  it("asks for the password, refuses a wrong one, accepts the right one", async () => {
    const { url, link } = await createShareLink(alice, fileId, { ...hour, password: "open sesame" }, meta);
    expect(link.hasPassword).toBe(true);
    expect((await rejection(redeemShareLink(tokenOf(url), undefined, meta))).status).toBe(401);
    expect((await rejection(redeemShareLink(tokenOf(url), "open says me", meta))).status).toBe(403);
    await expect(redeemShareLink(tokenOf(url), "open sesame", meta)).resolves.toHaveProperty("url");
    expect((await db.shareLink.findUniqueOrThrow({ where: { id: link.id } })).passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("answers 410 once revoked, expired, or its file deleted; 404 for unknown and forged tokens", async () => {
    const revoked = await createShareLink(alice, fileId, hour, meta);
    await revokeShareLink(alice, revoked.link.id, meta);
    expect((await rejection(redeemShareLink(tokenOf(revoked.url), undefined, meta))).code).toBe("link_revoked");

    const expired = await createShareLink(alice, fileId, hour, meta);
    await db.shareLink.update({ where: { id: expired.link.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await rejection(redeemShareLink(tokenOf(expired.url), undefined, meta))).code).toBe("link_expired");

    const doomedId = await finishedUpload("doomed.pdf");
    const doomed = await createShareLink(alice, doomedId, hour, meta);
    await deleteUpload(alice, doomedId, meta);
    expect((await rejection(redeemShareLink(tokenOf(doomed.url), undefined, meta))).status).toBe(410);

    const rejected = await createShareLink(alice, fileId, hour, meta);
    await db.upload.update({ where: { id: fileId }, data: { review: "REJECTED" } });
    const refusal = await rejection(redeemShareLink(tokenOf(rejected.url), undefined, meta));
    await db.upload.update({ where: { id: fileId }, data: { review: "NONE" } });
    expect([refusal.status, refusal.code]).toEqual([410, "link_file_gone"]);

    for (const token of [randomBytes(32).toString("base64url"), "short", "../../etc/passwd", ""]) {
      expect((await rejection(redeemShareLink(token, undefined, meta))).status).toBe(404);
    }
  });

  it("refuses links on other users' uploads (404) and on unfinished ones (409)", async () => {
    expect((await rejection(createShareLink(bob, fileId, hour, meta))).status).toBe(404);
    const pending = await createUploadSlot(alice, { name: "later.pdf", type: "application/pdf", size: 10 }, meta);
    expect((await rejection(createShareLink(alice, pending.upload.id, hour, meta))).code).toBe("upload_not_ready");
    await db.upload.update({ where: { id: fileId }, data: { review: "REJECTED" } });
    expect((await rejection(createShareLink(alice, fileId, hour, meta))).code).toBe("upload_rejected");
    await db.upload.update({ where: { id: fileId }, data: { review: "NONE" } });
    const { link } = await createShareLink(alice, fileId, hour, meta);
    expect((await rejection(revokeShareLink(bob, link.id, meta))).status).toBe(404);
    expect((await rejection(listShareLinks(bob, fileId))).status).toBe(404);
  });
});
