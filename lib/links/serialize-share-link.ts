import type { ShareLink } from "../generated/prisma/client";

export type LinkStatus = "active" | "expired" | "revoked" | "used_up";

/** Why a link can no longer be used, or "active". Revocation wins over the rest. */
export function linkStatus(link: ShareLink, now = new Date()): LinkStatus {
  if (link.revokedAt) return "revoked";
  if (link.expiresAt <= now) return "expired";
  if (link.maxDownloads !== null && link.downloadCount >= link.maxDownloads) return "used_up";
  return "active";
}

/** The JSON shape of a share link; never the token, never the password hash. */
export function serializeShareLink(link: ShareLink, now = new Date()) {
  return {
    id: link.id,
    uploadId: link.uploadId,
    status: linkStatus(link, now),
    expiresAt: link.expiresAt.toISOString(),
    maxDownloads: link.maxDownloads,
    downloadCount: link.downloadCount,
    hasPassword: link.passwordHash !== null,
    revokedAt: link.revokedAt?.toISOString() ?? null,
    createdAt: link.createdAt.toISOString(),
  };
}
export type LinkJson = ReturnType<typeof serializeShareLink>;
