import { db } from "../db";
import { env } from "../env";
import { HttpError } from "../errors";
import type { ShareLink, Upload } from "../generated/prisma/client";
import { hit } from "../rate-limit";
import { shareTokenSchema } from "../validations/link";
import { linkUsability, type LinkWithFile } from "./link-status";
import { hashShareToken } from "./share-token";

export const GONE: Record<string, string> = {
  expired: "This link has expired.",
  revoked: "This link was revoked by the person who shared it.",
  used_up: "This link has been used as many times as allowed.",
  file_gone: "The shared file is no longer available.",
  suspended: "This link is suspended: the account that shared it has been disabled.",
};

const noSuchLink = () => new HttpError({ code: "not_found", message: "There is no such link." });

/**
 * The sha256 of a well-formed token (404 otherwise), counted against the link's own request
 * budget: a link posted somewhere public can be hammered from many addresses, each under its
 * own limit. Keyed by the hash, so the budget is checked before any database work.
 */
export function admitShareToken(token: string): string {
  if (!shareTokenSchema.safeParse(token).success) throw noSuchLink();
  const tokenHash = hashShareToken(token);
  hit(`link-token:${tokenHash}`, { limit: env.LINK_ACCESS_PER_LINK_PER_MINUTE, windowSeconds: 60 });
  return tokenHash;
}

/** The link and its file, or 404. Nothing about the link is revealed otherwise. */
export async function findShareLink(tokenHash: string): Promise<ShareLink & { upload: Upload; creator: { name: string; disabledAt: Date | null } }> {
  const link = await db.shareLink.findUnique({ where: { tokenHash }, include: { upload: true, creator: { select: { name: true, disabledAt: true } } } });
  if (!link) throw noSuchLink();
  return link;
}

/** 410 with the reason when the link can no longer be used. */
export function assertUsable(link: LinkWithFile): void {
  const status = linkUsability(link);
  if (status !== "active") throw new HttpError({ code: `link_${status}`, message: GONE[status] });
}
