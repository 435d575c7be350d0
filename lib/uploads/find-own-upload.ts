import { db } from "../db";
import { HttpError, notFound } from "../errors";
import { scanPolicy } from "../processing/scan-policy";
import { uploadInclude, type UploadRow } from "./serialize-upload";
import { OWNER_DOWNLOADABLE, type UploadAvailability, uploadAvailability } from "./upload-status";

/** The caller's upload, or 404 — also for someone else's id, so ids cannot be probed. */
export async function findOwnUpload(userId: string, uploadId: string): Promise<UploadRow> {
  const upload = await db.upload.findFirst({ where: { id: uploadId, ownerId: userId, status: { not: "DELETED" } }, include: uploadInclude });
  if (!upload) throw notFound("Upload");
  return upload;
}

/** Why a file cannot be shared (or, for the first three, not even downloaded by its owner). */
export function unavailable(availability: Exclude<UploadAvailability, "available">, use: "shared" | "downloaded" | "approved"): HttpError {
  switch (availability) {
    case "not_ready":
      return new HttpError({ code: "upload_not_ready", message: `This upload is not finished yet, so it cannot be ${use}.` });
    case "rejected":
      return new HttpError({ code: "upload_rejected", message: `This file was rejected in review and cannot be ${use}.` });
    case "infected":
      return new HttpError({ code: "upload_infected", message: `A virus was found in this file, so it cannot be ${use}.` });
    case "pending_review":
      return new HttpError({ code: "upload_pending_review", message: "This file is waiting for an administrator's review; you can share it once it is approved." });
    case "processing":
      return new HttpError({
        code: "upload_processing",
        message: `This file is still being checked (virus scan); it can be ${use} once the check is done, usually within a minute.`,
      });
    case "scan_failed":
      return new HttpError({ code: "upload_scan_failed", message: `This file could not be scanned for viruses, so it cannot be ${use}. An administrator can scan it again.` });
  }
}

/**
 * The caller's upload when it may be shared or downloaded: 409 while unfinished, once rejected
 * in review or found infected; while it waits for review or processing its owner may download it
 * but not share it.
 */
export async function findFinishedOwnUpload(userId: string, uploadId: string, use: "shared" | "downloaded"): Promise<UploadRow> {
  const upload = await findOwnUpload(userId, uploadId);
  const availability = uploadAvailability(upload, scanPolicy());
  if (availability === "available" || (use === "downloaded" && OWNER_DOWNLOADABLE.includes(availability))) return upload;
  throw unavailable(availability, use);
}
