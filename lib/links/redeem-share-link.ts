import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import { HttpError } from "../errors";
import type { RequestMeta } from "../http";
import { verifyPassword } from "../password";
import { hit } from "../rate-limit";
import { presignDownload } from "../uploads/presign-download";
import { admitShareToken, assertUsable, findShareLink, GONE } from "./find-share-link";
import { redeemOpenLink } from "./redeem-open-link";

/**
 * One download through a share link: checks it, checks the password, counts the download
 * atomically (the count and the limit are compared inside the UPDATE, so concurrent requests
 * can never exceed the limit), and returns a presigned GET valid for 60 seconds. Every
 * attempt is audited with its outcome.
 */
export async function redeemShareLink(token: string, password: string | undefined, meta: RequestMeta) {
  const tokenHash = admitShareToken(token);
  const open = password === undefined ? await redeemOpenLink(tokenHash, meta) : null;
  if (open) return { url: await presignDownload(open) };

  const link = await findShareLink(tokenHash);
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
      assertUsable(await findShareLink(tokenHash)); // say why: revoked or expired meanwhile, else used up
      throw new HttpError(410, "link_used_up", GONE.used_up);
    }
  } catch (error) {
    await audit(error instanceof HttpError ? error.code : "error");
    throw error;
  }
  await audit("ok");
  return { url: await presignDownload(link.upload) };
}
