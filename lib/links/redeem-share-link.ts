import { recordAuditEvent } from "../audit/record-audit-event";
import { HttpError } from "../errors";
import type { RequestMeta } from "../http";
import { verifyPassword } from "../password";
import { presignDownload } from "../uploads/presign-download";
import { admitPasswordTry } from "./admit-password-try";
import { countDownload } from "./count-download";
import { admitShareToken, assertUsable, findShareLink, REFUSAL } from "./find-share-link";

/**
 * One download through a share link: checks it, checks the password, counts the download
 * atomically and returns a presigned GET valid for 60 seconds. Every attempt is audited with
 * its outcome. The common case — a usable link without a password — is one database round
 * trip: counting first, and looking the link up only to say why it was refused or to check
 * its password.
 */
export async function redeemShareLink(token: string, password: string | undefined, meta: RequestMeta) {
  const tokenHash = await admitShareToken(token);
  const open = password === undefined ? await countDownload(tokenHash, false, meta) : null;
  if (open) return { url: await presignDownload(open) };

  const link = await findShareLink(tokenHash);
  try {
    assertUsable(link);
    if (link.passwordHash) {
      if (!password) throw new HttpError({ code: "password_required", message: "This link is protected by a password." });
      await admitPasswordTry(link.id, meta);
      if (!(await verifyPassword(link.passwordHash, password))) throw new HttpError({ code: "wrong_password", message: "That password is not right." });
    }
    const file = await countDownload(tokenHash, true, meta);
    if (file) return { url: await presignDownload(file) };
    assertUsable(await findShareLink(tokenHash)); // say why: revoked, expired or rejected meanwhile, else used up
    throw new HttpError(REFUSAL.used_up);
  } catch (error) {
    await recordAuditEvent({ actorId: null, action: "link.download", target: link.id, data: { outcome: error instanceof HttpError ? error.code : "error" }, meta });
    throw error;
  }
}
