import type { ShareLink, Upload, User } from "../generated/prisma/client";
import { type ScanPolicy, uploadAvailability } from "../uploads/upload-status";

export type LinkStatus = "active" | "expired" | "revoked" | "used_up";

/** Why a link can no longer be used, or "active", judging the link alone. Revocation wins over the rest. */
export function linkStatus(link: ShareLink, now = new Date()): LinkStatus {
  if (link.revokedAt) return "revoked";
  if (link.expiresAt <= now) return "expired";
  if (link.maxDownloads !== null && link.downloadCount >= link.maxDownloads) return "used_up";
  return "active";
}

export type LinkUsability = LinkStatus | "file_gone" | "suspended" | "processing" | "scan_failed";

export type LinkWithFile = ShareLink & { upload: Pick<Upload, "status" | "review" | "processing" | "scanSignature">; creator: Pick<User, "disabledAt"> };

/**
 * Whether a link may be used (its page shown, a download counted): "active", or why not.
 * Its SQL twin is the WHERE of countDownload (count-download.ts), which counts in the same
 * statement so a limit holds under concurrency: the two must refuse the same links, so change
 * them together (tests/integration/link-usable-rule.test.ts holds them to it). A password is
 * not part of this rule: a protected link's page still shows, and the caller checks the
 * password before counting (countDownload's `passwordChecked`).
 */
export function linkUsability(link: LinkWithFile, policy: ScanPolicy, now = new Date()): LinkUsability {
  const availability = uploadAvailability(link.upload, policy);
  // Waiting for a scan (a re-scan, or one that failed) is temporary: the link says so and works again after.
  if (availability === "processing" || availability === "scan_failed") return availability;
  // A file deleted by its owner, rejected in review or found infected after it was shared is gone for the link too.
  if (availability !== "available") return "file_gone";
  // An admin disabled the account that shared it: its links stop with it (and work again if enabled).
  if (link.creator.disabledAt) return "suspended";
  return linkStatus(link, now);
}
