import type { UploadRequest } from "../generated/prisma/client";
import { countedAgainstLimits, type RequestCounts } from "./count-request-uploads";
import type { PublicRequestJson, UploadRequestJson } from "./request-json";
import { requestStatus } from "./request-status";

const bytes = (value: bigint | null) => (value === null ? null : Number(value));

/** The owner's JSON of a request; never the token (it is not stored) nor the password hash. */
export function serializeUploadRequest(request: UploadRequest, counts: RequestCounts, now = new Date()): UploadRequestJson {
  return {
    id: request.id,
    label: request.label,
    message: request.message,
    url: null,
    expiresAt: request.expiresAt.toISOString(),
    maxFiles: request.maxFiles,
    maxFileBytes: bytes(request.maxFileBytes),
    maxTotalBytes: bytes(request.maxTotalBytes),
    allowedTypes: request.allowedTypes,
    hasPassword: request.passwordHash !== null,
    askName: request.askName,
    askEmail: request.askEmail,
    revokedAt: request.revokedAt?.toISOString() ?? null,
    createdAt: request.createdAt.toISOString(),
    status: requestStatus(request, now),
    received: { ...counts.received, lastAt: counts.received.lastAt?.toISOString() ?? null },
    inProgress: counts.inProgress,
  };
}

/** What a guest holding the link sees: the request's terms and the room left under them, nothing of the owner but their name. */
export function serializePublicRequest(request: UploadRequest, ownerName: string, counts: RequestCounts): PublicRequestJson {
  const used = countedAgainstLimits(counts);
  const left = (limit: number | null, taken: number) => (limit === null ? null : Math.max(0, limit - taken));
  return {
    label: request.label,
    message: request.message,
    ownerName,
    expiresAt: request.expiresAt.toISOString(),
    maxFiles: request.maxFiles,
    maxFileBytes: bytes(request.maxFileBytes),
    maxTotalBytes: bytes(request.maxTotalBytes),
    allowedTypes: request.allowedTypes,
    askName: request.askName,
    askEmail: request.askEmail,
    needsPassword: request.passwordHash !== null,
    remaining: { files: left(request.maxFiles, used.files), bytes: left(bytes(request.maxTotalBytes), used.bytes) },
  };
}
