import type { Upload } from "../generated/prisma/client";
import { scanPolicy } from "../processing/scan-policy";
import { serializeProcessing } from "../processing/serialize-processing";
import type { ReceivedViaJson, UploadJson } from "./upload-json";
import { uploadAvailability } from "./upload-status";

/** Prisma `include` for every upload row that is serialized: the label of the request it came through. */
export const uploadInclude = { request: { select: { label: true } } } as const;

/** An upload row as serializeUpload takes it (loaded with `uploadInclude`). */
export type UploadRow = Upload & { request: { label: string } | null };

function receivedVia(upload: UploadRow): ReceivedViaJson | null {
  if (!upload.requestId || !upload.request) return null;
  return { requestId: upload.requestId, label: upload.request.label, guestName: upload.guestName, guestEmail: upload.guestEmail };
}

/**
 * The JSON shape of an upload slot in every API answer. `availability` says what may be done with
 * the file now (the server's scan policy is part of it, so the browser need not know it).
 */
export function serializeUpload(upload: UploadRow, thumbnailUrl = `/api/uploads/${upload.id}/thumbnail`): UploadJson {
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
    availability: uploadAvailability(upload, scanPolicy()),
    processing: serializeProcessing(upload, thumbnailUrl),
    receivedVia: receivedVia(upload),
    createdAt: upload.createdAt.toISOString(),
    expiresAt: upload.expiresAt.toISOString(),
    completedAt: upload.completedAt?.toISOString() ?? null,
  };
}
