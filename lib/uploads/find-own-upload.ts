import { db } from "../db";
import { HttpError, notFound } from "../errors";
import type { Upload } from "../generated/prisma/client";

/** The caller's upload, or 404 — also for someone else's id, so ids cannot be probed. */
export async function findOwnUpload(userId: string, uploadId: string): Promise<Upload> {
  const upload = await db.upload.findFirst({ where: { id: uploadId, ownerId: userId, status: { not: "DELETED" } } });
  if (!upload) throw notFound("Upload");
  return upload;
}

/** The caller's upload when it may be shared or downloaded: 409 while unfinished or once rejected in review. */
export async function findFinishedOwnUpload(userId: string, uploadId: string, use: "shared" | "downloaded"): Promise<Upload> {
  const upload = await findOwnUpload(userId, uploadId);
  if (upload.status !== "COMPLETE") throw new HttpError(409, "upload_not_ready", `This upload is not finished yet, so it cannot be ${use}.`);
  if (upload.review === "REJECTED") throw new HttpError(409, "upload_rejected", `This file was rejected in review and cannot be ${use}.`);
  return upload;
}
