import { HttpError } from "../errors";
import type { UploadRequest } from "../generated/prisma/client";
import type { RequestStatus } from "./request-json";

/** Whether a request still takes files, judging the request alone. Revocation wins over expiry. */
export function requestStatus(request: Pick<UploadRequest, "revokedAt" | "expiresAt">, now = new Date()): RequestStatus {
  if (request.revokedAt) return "revoked";
  if (request.expiresAt <= now) return "expired";
  return "active";
}

/**
 * 410 with the reason when a guest can no longer use the request: revoked, expired, or made by an
 * account an admin has disabled (its requests stop with it, and work again if it is enabled).
 */
export function assertRequestOpen(request: Pick<UploadRequest, "revokedAt" | "expiresAt">, ownerDisabled: boolean, now = new Date()): void {
  const status = requestStatus(request, now);
  if (status === "revoked") throw new HttpError({ code: "request_revoked", message: "This upload request was closed by the person who made it: it takes no more files." });
  if (status === "expired") throw new HttpError({ code: "request_expired", message: "This upload request has expired: it takes no more files." });
  if (ownerDisabled) {
    throw new HttpError({ code: "request_suspended", message: "This upload request is suspended: the account that made it has been disabled." });
  }
}
