import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import { env } from "../env";
import type { RequestMeta } from "../http";
import { hashPassword } from "../password";
import { findFinishedOwnUpload } from "../uploads/find-own-upload";
import type { CreateLinkInput } from "../validations/link";
import { serializeShareLink } from "./serialize-share-link";
import { newShareToken } from "./share-token";

/**
 * A share link on one of the caller's finished uploads. The full URL (with the token) is
 * returned once, here; the database keeps only the token's sha256.
 */
export async function createShareLink(userId: string, uploadId: string, input: CreateLinkInput, meta: RequestMeta) {
  const upload = await findFinishedOwnUpload(userId, uploadId, "shared");

  const { token, tokenHash } = newShareToken();
  const link = await db.shareLink.create({
    data: {
      uploadId: upload.id,
      creatorId: userId,
      tokenHash,
      expiresAt: new Date(Date.now() + input.expiresInSeconds * 1000),
      maxDownloads: input.maxDownloads ?? null,
      passwordHash: input.password ? await hashPassword(input.password) : null,
    },
  });
  await recordAuditEvent({ actorId: userId, action: "link.create", target: link.id, data: { uploadId: upload.id }, meta });
  return { link: serializeShareLink(link), url: `${new URL(env.APP_URL).origin}/s/${token}` };
}
