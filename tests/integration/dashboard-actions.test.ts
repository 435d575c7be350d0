import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { readUsage } from "@/lib/accounts/read-usage";
import { db } from "@/lib/db";
import { createUploadSlot } from "@/lib/uploads/create-upload-slot";
import { deleteUploads } from "@/lib/uploads/delete-uploads";
import { meta, newUser, rejection } from "../support/domain-helpers";
import { insertRequest, insertUploads } from "../support/upload-rows";

// What the dashboard reads and does besides the list: the quota meter with the files received
// through upload requests (GET /api/account/usage), and bulk delete (POST /api/uploads/delete).

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));

describe("usage", () => {
  let user: string;
  let tax: string;
  let photos: string;
  beforeAll(async () => {
    user = await newUser("Meter", 10_000);
    const other = await newUser("Other");
    [tax, photos] = await Promise.all([insertRequest(user, "Tax papers"), insertRequest(user, "Photos")]);
    const othersRequest = await insertRequest(other, "Not yours");
    await insertUploads(user, [
      { originalName: "stored.txt", size: 1000 },
      { originalName: "kept.txt", size: 500 },
      { originalName: "abandoned.txt", size: 4000, status: "UPLOADING", expiresAt: new Date(Date.now() - 1000) },
      { originalName: "deleted.txt", size: 3000, status: "DELETED" },
      { originalName: "t1.pdf", size: 1, requestId: tax, completedAt: at(1) },
      { originalName: "p1.jpg", size: 1, requestId: photos, completedAt: at(2) },
      { originalName: "t2.pdf", size: 1, requestId: tax, completedAt: at(3) },
      { originalName: "arriving.pdf", size: 1, requestId: tax, status: "UPLOADING" },
    ]);
    await insertUploads(other, [{ originalName: "theirs.pdf", requestId: othersRequest, completedAt: at(4) }]);
    await createUploadSlot(user, { name: "open.bin", type: "application/octet-stream", size: 2000 }, meta);
  });

  it("counts stored files and open slots as the quota check does", async () => {
    const usage = await readUsage(user);
    // Stored: 1000 + 500 + three received files of 1 byte; open: the new slot and the guest's
    // unfinished one (the expired one no longer counts).
    expect(usage).toMatchObject({ usedBytes: 1503 + 2001, quotaBytes: 10_000, storedFiles: 5, openBytes: 2001 });
    const refusal = await rejection(createUploadSlot(user, { name: "too.big", type: "text/plain", size: 10_000 - usage.usedBytes + 1 }, meta));
    expect([refusal.code, refusal.details]).toEqual(["quota_exceeded", { fileBytes: 10_000 - usage.usedBytes + 1, usedBytes: usage.usedBytes, quotaBytes: 10_000 }]);
  });

  it("counts the finished files received through the user's requests, after a time when given", async () => {
    expect((await readUsage(user)).received).toEqual({
      files: 3,
      lastAt: at(3).toISOString(),
      requests: [
        { requestId: tax, label: "Tax papers", files: 2 },
        { requestId: photos, label: "Photos", files: 1 },
      ],
    });
    expect((await readUsage(user, at(1))).received).toEqual({
      files: 2,
      lastAt: at(3).toISOString(),
      requests: [
        { requestId: tax, label: "Tax papers", files: 1 },
        { requestId: photos, label: "Photos", files: 1 },
      ],
    });
    expect((await readUsage(user, at(3))).received).toEqual({ files: 0, lastAt: null, requests: [] });
  });
});

describe("bulk delete", () => {
  it("deletes the caller's files, cancels open ones, and reports others' ids as not found without touching them", async () => {
    const [alice, bob] = await Promise.all([newUser("Alice"), newUser("Bob")]);
    const [first, second, open] = await insertUploads(alice, [{ originalName: "a.txt" }, { originalName: "b.txt" }, { originalName: "c.txt", status: "UPLOADING" }]);
    const [bobs] = await insertUploads(bob, [{ originalName: "bob.txt" }]);
    const nobody = randomUUID();
    const { results } = await deleteUploads(alice, [first, bobs, second, nobody, open], meta);
    expect(results).toEqual([
      { id: first, status: "ok" },
      { id: bobs, status: 404, code: "not_found" },
      { id: second, status: "ok" },
      { id: nobody, status: 404, code: "not_found" },
      { id: open, status: "ok" },
    ]);
    const states = await db.upload.findMany({ where: { id: { in: [first, second, open, bobs] } }, select: { id: true, status: true } });
    expect(Object.fromEntries(states.map(({ id, status }) => [id, status]))).toEqual({ [first]: "DELETED", [second]: "DELETED", [open]: "ABORTED", [bobs]: "COMPLETE" });
    // Deleting again: already gone, each said so.
    expect((await deleteUploads(alice, [first], meta)).results).toEqual([{ id: first, status: 404, code: "not_found" }]);
  });
});
