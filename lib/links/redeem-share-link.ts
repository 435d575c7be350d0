import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import { env } from "../env";
import { HttpError } from "../errors";
import type { ShareLink, Upload } from "../generated/prisma/client";
import type { RequestMeta } from "../http";
import { verifyPassword } from "../password";
import { hit } from "../rate-limit";
import { presignDownload } from "../uploads/presign-download";
import { shareTokenSchema } from "../validations/link";
import { linkStatus } from "./serialize-share-link";
import { hashShareToken } from "./share-token";

const GONE: Record<string, string> = {
  expired: "This link has expired.",
  revoked: "This link was revoked by the person who shared it.",
  used_up: "This link has been used as many times as allowed.",
  file_gone: "The shared file is no longer available.",
};

/** The link and its file for a token, or 404 (unknown, malformed). Nothing about the link is revealed otherwise. */
export async function findShareLink(token: string): Promise<ShareLink & { upload: Upload; creator: { name: string } }> {
  const link = shareTokenSchema.safeParse(token).success
    ? await db.shareLink.findUnique({ where: { tokenHash: hashShareToken(token) }, include: { upload: true, creator: { select: { name: true } } } })
    : null;
  if (!link) throw new HttpError(404, "not_found", "There is no such link.");
  return link;
}

/**
 * The link for a page view or a download, counted against the link's own request budget: a
 * link posted somewhere public can be hammered from many addresses, each under its own limit.
 */
export async function openShareLink(token: string) {
  const link = await findShareLink(token);
  hit(`link:${link.id}`, { limit: env.LINK_ACCESS_PER_LINK_PER_MINUTE, windowSeconds: 60 });
  return link;
}

/** 410 with the reason when the link can no longer be used. */
export function assertUsable(link: ShareLink & { upload: Upload }): void {
  // A file deleted by its owner, or rejected in review after it was shared, is gone for the link too.
  const available = link.upload.status === "COMPLETE" && link.upload.review !== "REJECTED";
  const status = available ? linkStatus(link) : "file_gone";
  if (status !== "active") throw new HttpError(410, `link_${status}`, GONE[status]);
}

/**
 * One download through a share link: checks it, checks the password, counts the download
 * atomically (the count and the limit are compared inside the UPDATE, so concurrent requests
 * can never exceed the limit), and returns a presigned GET valid for 60 seconds. Every
 * attempt is audited with its outcome.
 */
export async function redeemShareLink(token: string, password: string | undefined, meta: RequestMeta) {
  const link = await openShareLink(token);
  const audit = (outcome: string) => recordAuditEvent({ actorId: null, action: "link.download", target: link.id, data: { outcome }, meta });
  try {
    assertUsable(link);
    if (link.passwordHash) {
      if (!password) throw new HttpError(401, "password_required", "This link is protected by a password.");
      // Guessing is slow: per address and per link, whoever is guessing.
      hit(`link-password:${link.id}:${meta.ip ?? "unknown"}`, { limit: 10, windowSeconds: 600 });
      hit(`link-password:${link.id}`, { limit: 100, windowSeconds: 600 });
      if (!(await verifyPassword(link.passwordHash, password))) throw new HttpError(403, "wrong_password", "That password is not right.");
    }
    const counted = await db.$executeRaw`
      UPDATE "ShareLink" SET "downloadCount" = "downloadCount" + 1
      WHERE "id" = ${link.id} AND "revokedAt" IS NULL AND "expiresAt" > NOW()
        AND ("maxDownloads" IS NULL OR "downloadCount" < "maxDownloads")`;
    if (counted !== 1) {
      assertUsable(await findShareLink(token)); // say why: revoked or expired meanwhile, else used up
      throw new HttpError(410, "link_used_up", GONE.used_up);
    }
  } catch (error) {
    await audit(error instanceof HttpError ? error.code : "error");
    throw error;
  }
  await audit("ok");
  return { url: await presignDownload(link.upload) };
}
