import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import { notFound } from "../errors";
import type { RequestMeta } from "../http";
import { findOwnUpload } from "../uploads/find-own-upload";
import { serializeShareLink } from "./serialize-share-link";

/** Every link of one of the caller's uploads, newest first, with its status. */
export async function listShareLinks(userId: string, uploadId: string) {
  const upload = await findOwnUpload(userId, uploadId);
  const links = await db.shareLink.findMany({ where: { uploadId: upload.id }, orderBy: { createdAt: "desc" } });
  const now = new Date();
  return { items: links.map((link) => serializeShareLink(link, now)) };
}

/** Revokes a link on one of the caller's uploads (404 otherwise); revoking twice is harmless. */
export async function revokeShareLink(userId: string, linkId: string, meta: RequestMeta) {
  const link = await db.shareLink.findFirst({ where: { id: linkId, upload: { ownerId: userId } } });
  if (!link) throw notFound("Link");
  const { count } = await db.shareLink.updateMany({ where: { id: link.id, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count) await recordAuditEvent({ actorId: userId, action: "link.revoke", target: link.id, meta });
}
