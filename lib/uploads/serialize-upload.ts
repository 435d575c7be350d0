import type { Upload } from "../generated/prisma/client";

/** The JSON shape of an upload slot in every API answer. */
export function serializeUpload(upload: Upload) {
  return {
    id: upload.id,
    name: upload.originalName,
    folder: upload.folder,
    contentType: upload.contentType,
    size: Number(upload.size),
    strategy: upload.strategy,
    partSize: upload.partSize,
    partCount: upload.partCount,
    status: upload.status,
    review: upload.review,
    reviewNote: upload.reviewNote,
    reviewedAt: upload.reviewedAt?.toISOString() ?? null,
    etag: upload.etag,
    createdAt: upload.createdAt.toISOString(),
    expiresAt: upload.expiresAt.toISOString(),
    completedAt: upload.completedAt?.toISOString() ?? null,
  };
}
export type UploadJson = ReturnType<typeof serializeUpload>;
