import type { Upload } from "../generated/prisma/client";

/** Audit data naming the upload request a guest's file came through, and the guest; empty for the owner's own files. */
export function auditOrigin(upload: Pick<Upload, "requestId" | "guestName">): { requestId?: string; guestName?: string | null } {
  return upload.requestId ? { requestId: upload.requestId, guestName: upload.guestName } : {};
}
