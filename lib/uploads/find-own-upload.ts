import { db } from "../db";
import { HttpError, notFound } from "../errors";
import type { Upload } from "../generated/prisma/client";
import { uploadAvailability } from "./upload-status";

/** The caller's upload, or 404 — also for someone else's id, so ids cannot be probed. */
export async function findOwnUpload(userId: string, uploadId: string): Promise<Upload> {
  const upload = await db.upload.findFirst({ where: { id: uploadId, ownerId: userId, status: { not: "DELETED" } } });
  if (!upload) throw notFound("Upload");
  return upload;
}

/**
 * The caller's upload when it may be shared or downloaded: 409 while unfinished or once rejected
 * in review; while it waits for review its owner may download it but not share it.
 */
export async function findFinishedOwnUpload(userId: string, uploadId: string, use: "shared" | "downloaded"): Promise<Upload> {
  const upload = await findOwnUpload(userId, uploadId);
  const availability = uploadAvailability(upload);
  if (availability === "not_ready") throw new HttpError({ code: "upload_not_ready", message: `This upload is not finished yet, so it cannot be ${use}.` });
  if (availability === "rejected") throw new HttpError({ code: "upload_rejected", message: `This file was rejected in review and cannot be ${use}.` });
  if (availability === "pending_review" && use === "shared") {
    throw new HttpError({ code: "upload_pending_review", message: "This file is waiting for an administrator's review; you can share it once it is approved." });
  }
  return upload;
}
