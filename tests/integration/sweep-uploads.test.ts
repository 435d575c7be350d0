import { CreateMultipartUploadCommand, ListMultipartUploadsCommand } from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.MULTIPART_THRESHOLD_BYTES = String(5 * 1024 ** 2);
  process.env.MULTIPART_PART_BYTES = String(5 * 1024 ** 2);
});

import { db } from "@/lib/db";
import { bucket, s3 } from "@/lib/storage/s3";
import { createUploadSlot } from "@/lib/uploads/create-upload-slot";
import { sweepUploads } from "@/lib/uploads/sweep-uploads";
import { meta, newUser } from "../support/domain-helpers";

let userId: string;
let prefix: string; // other test files share the bucket: sweep only this user's keys
beforeAll(async () => {
  userId = await newUser("Sweeper");
  prefix = `u/${userId}/`;
});

const openUploadIds = async () => ((await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: prefix }))).Uploads ?? []).map((upload) => upload.UploadId);

describe("sweepUploads", () => {
  it("expires overdue slots, aborting their multipart uploads, and leaves live ones alone", async () => {
    const overdue = await createUploadSlot(userId, { name: "old.bin", type: "application/octet-stream", size: 20 * 1024 ** 2 }, meta);
    const live = await createUploadSlot(userId, { name: "new.bin", type: "application/octet-stream", size: 20 * 1024 ** 2 }, meta);
    await db.upload.update({ where: { id: overdue.upload.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const overdueRow = await db.upload.findUniqueOrThrow({ where: { id: overdue.upload.id } });
    const liveRow = await db.upload.findUniqueOrThrow({ where: { id: live.upload.id } });

    expect(await sweepUploads({ prefix })).toEqual({ expired: 1, orphansAborted: 0, incomingRemoved: 0 });
    expect((await db.upload.findUniqueOrThrow({ where: { id: overdue.upload.id } })).status).toBe("EXPIRED");
    expect((await db.upload.findUniqueOrThrow({ where: { id: live.upload.id } })).status).toBe("PENDING");
    const open = await openUploadIds();
    expect(open).not.toContain(overdueRow.s3UploadId);
    expect(open).toContain(liveRow.s3UploadId);
    expect(await db.auditEvent.count({ where: { action: "upload.expire", target: overdue.upload.id, actorId: null } })).toBe(1);
  });

  it("aborts multipart uploads no open slot owns, once they are past the grace period", async () => {
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: `${prefix}crashed/file.bin` }));
    expect(await sweepUploads({ prefix })).toMatchObject({ orphansAborted: 0 }); // too young to judge
    expect(await openUploadIds()).toContain(UploadId);

    expect(await sweepUploads({ prefix, orphanGraceMs: 0 })).toMatchObject({ orphansAborted: 1 });
    expect(await openUploadIds()).not.toContain(UploadId);
  });
});
