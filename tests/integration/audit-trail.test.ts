import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createAccount } from "@/lib/accounts/create-account";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createShareLink } from "@/lib/links/create-share-link";
import { revokeShareLink } from "@/lib/links/manage-share-links";
import { completeUpload } from "@/lib/uploads/complete-upload";
import { createUploadSlot } from "@/lib/uploads/create-upload-slot";
import { deleteUpload } from "@/lib/uploads/delete-upload";
import { downloadOwnUpload } from "@/lib/uploads/download-own-upload";
import { meta, newTrustedUser, newUser, rejection, testPassword } from "../support/domain-helpers";
import { finishedUpload, newAdmin } from "../support/review-helpers";

// The owner's side of the audit trail, action by action through the domain functions: each
// writes exactly one row naming who did what to which id, from where. (Admin actions, sign-ins
// and link downloads are checked where they are built: admin-*.test.ts, passwords-and-signin,
// share-links.)

async function trail(target: string) {
  const rows = await db.auditEvent.findMany({ where: { target }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map(({ actorId, action, ip, userAgent, data }) => ({ actorId, action, ip, userAgent, data }));
}

const from = { ip: meta.ip, userAgent: meta.userAgent };
const bytes = () => randomBytes(2000);

describe("the audit trail of an upload's life", () => {
  it("records the account's creation", async () => {
    const user = await createAccount({ email: `${randomUUID()}@test.local`, password: testPassword, name: "Audited" }, meta);
    expect(await trail(user.id)).toEqual([{ actorId: user.id, action: "account.create", ...from, data: { role: "USER" } }]);
  });

  it("records creation, completion (waiting for review), download and deletion", async () => {
    const owner = await newUser("Owner");
    const content = bytes();
    const id = await finishedUpload(owner, "notes.txt", "text/plain", content);
    const etag = (await db.upload.findUniqueOrThrow({ where: { id } })).etag;
    await downloadOwnUpload(owner, id, meta);
    await deleteUpload(owner, id, meta);
    expect(await trail(id)).toEqual([
      { actorId: owner, action: "upload.create", ...from, data: { name: "notes.txt", size: content.length, contentType: "text/plain" } },
      { actorId: owner, action: "upload.complete", ...from, data: { etag, size: content.length, review: "PENDING" } },
      { actorId: owner, action: "upload.download", ...from, data: null },
      { actorId: owner, action: "upload.delete", ...from, data: expect.objectContaining({ name: "notes.txt", size: content.length, status: "COMPLETE" }) },
    ]);
  });

  it("records an automatic approval with its reason, for trusted users and admins only", async () => {
    for (const [owner, reason] of [
      [await newTrustedUser(), "trusted"],
      [await newAdmin("Admin"), "admin"],
    ] as const) {
      const id = await finishedUpload(owner, "photo.png", "image/png", bytes());
      const rows = await trail(id);
      expect(rows.map((row) => row.action)).toEqual(["upload.create", "upload.complete", "review.auto_approve"]);
      expect(rows[2]).toMatchObject({ actorId: null, data: { reason } });
      expect(await db.upload.findUniqueOrThrow({ where: { id } })).toMatchObject({ review: "APPROVED", reviewerId: null });
    }
  });

  it("with REVIEW_MODE=off, leaves finished files unreviewed and records no approval", async () => {
    const owner = await newUser("Owner");
    env.REVIEW_MODE = "off";
    try {
      const id = await finishedUpload(owner, "free.txt", "text/plain", bytes());
      expect((await trail(id)).map((row) => row.action)).toEqual(["upload.create", "upload.complete"]);
      expect(await db.upload.findUniqueOrThrow({ where: { id } })).toMatchObject({ review: "NONE" });
    } finally {
      env.REVIEW_MODE = "required";
    }
  });

  it("records a failed verification and a cancelled upload", async () => {
    const owner = await newUser("Owner");
    const ticket = await createUploadSlot(owner, { name: "short.bin", type: "application/octet-stream", size: 100 }, meta);
    if (ticket.strategy !== "single") throw new Error("expected a single PUT");
    // The signed Content-Length makes S3 refuse other sizes, so the mismatch is the type: sent as declared, then changed on the row.
    expect((await fetch(ticket.url, { method: "PUT", headers: ticket.headers, body: new Uint8Array(100) })).status).toBe(200);
    await db.upload.update({ where: { id: ticket.upload.id }, data: { contentType: "image/png" } });
    expect((await rejection(completeUpload(owner, ticket.upload.id, meta))).code).toBe("object_mismatch");

    const cancelled = await createUploadSlot(owner, { name: "later.bin", type: "application/octet-stream", size: 100 }, meta);
    await deleteUpload(owner, cancelled.upload.id, meta);
    expect((await trail(ticket.upload.id)).map((row) => row.action)).toEqual(["upload.create", "upload.fail"]);
    expect((await trail(cancelled.upload.id)).map((row) => row.action)).toEqual(["upload.create", "upload.abort"]);
  });

  it("records a link's creation and revocation, under the link's id", async () => {
    const owner = await newTrustedUser();
    const id = await finishedUpload(owner, "shared.txt", "text/plain", bytes());
    const { link } = await createShareLink(owner, id, { expiresInSeconds: 3600 }, meta);
    await revokeShareLink(owner, link.id, meta);
    expect(await trail(link.id)).toEqual([
      { actorId: owner, action: "link.create", ...from, data: { uploadId: id } },
      { actorId: owner, action: "link.revoke", ...from, data: null },
    ]);
  });
});
