import { db } from "../db";
import { notFound } from "../errors";
import type { Upload } from "../generated/prisma/client";

/** The caller's upload, or 404 — also for someone else's id, so ids cannot be probed. */
export async function findOwnUpload(userId: string, uploadId: string): Promise<Upload> {
  const upload = await db.upload.findFirst({ where: { id: uploadId, ownerId: userId, status: { not: "DELETED" } } });
  if (!upload) throw notFound("Upload");
  return upload;
}
