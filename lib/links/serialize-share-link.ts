import type { ShareLink } from "../generated/prisma/client";
import { linkStatus } from "./link-status";

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
