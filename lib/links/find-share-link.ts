import { db } from "../db";
import { env } from "../env";
import { HttpError } from "../errors";
import type { ShareLink, Upload } from "../generated/prisma/client";
import { hit } from "../rate-limit";
import { shareTokenSchema } from "../validations/link";
import type { ErrorCode } from "../error-codes";
import { scanPolicy } from "../processing/scan-policy";
import { linkUsability, type LinkUsability, type LinkWithFile } from "./link-status";
import { hashShareToken } from "./share-token";

/** Why a link cannot be used, as the error it answers with. */
export const REFUSAL: Record<Exclude<LinkUsability, "active">, { code: ErrorCode; message: string }> = {
  expired: { code: "link_expired", message: "This link has expired." },
  revoked: { code: "link_revoked", message: "This link was revoked by the person who shared it." },
  used_up: { code: "link_used_up", message: "This link has been used as many times as allowed." },
  file_gone: { code: "link_file_gone", message: "The shared file is no longer available." },
  suspended: { code: "link_suspended", message: "This link is suspended: the account that shared it has been disabled." },
  processing: { code: "upload_processing", message: "The shared file is being checked for viruses. Try again in a minute." },
  scan_failed: { code: "upload_scan_failed", message: "The shared file could not be checked for viruses, so it cannot be downloaded for now." },
};

const noSuchLink = () => new HttpError({ code: "not_found", message: "There is no such link." });

/**
 * The sha256 of a well-formed token (404 otherwise), counted against the link's own request
 * budget: a link posted somewhere public can be hammered from many addresses, each under its
 * own limit. Keyed by the hash, so the budget is checked before any database work.
 */
export async function admitShareToken(token: string): Promise<string> {
  if (!shareTokenSchema.safeParse(token).success) throw noSuchLink();
  const tokenHash = hashShareToken(token);
  await hit(`link-token:${tokenHash}`, { limit: env.LINK_ACCESS_PER_LINK_PER_MINUTE, windowSeconds: 60 });
  return tokenHash;
}

/** The link and its file, or 404. Nothing about the link is revealed otherwise. */
export async function findShareLink(tokenHash: string): Promise<ShareLink & { upload: Upload; creator: { name: string; disabledAt: Date | null } }> {
  const link = await db.shareLink.findUnique({ where: { tokenHash }, include: { upload: true, creator: { select: { name: true, disabledAt: true } } } });
  if (!link) throw noSuchLink();
  return link;
}

/** 410 with the reason when the link can no longer be used; 409 while its file waits for a scan. */
export function assertUsable(link: LinkWithFile): void {
  const status = linkUsability(link, scanPolicy());
  if (status !== "active") throw new HttpError(REFUSAL[status]);
}
