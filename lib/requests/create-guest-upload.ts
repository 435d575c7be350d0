import { HttpError } from "../errors";
import { formatBytes } from "../format-bytes";
import type { RequestMeta } from "../http";
import { newShareToken } from "../links/share-token";
import { isTypeAllowed, normalizeContentType } from "../uploads/content-type-policy";
import { openUploadSlot } from "../uploads/create-upload-slot";
import type { CreateGuestUploadInput } from "../validations/request";
import { admitGuestFile } from "./admit-guest-file";
import { admitRequestPassword } from "./admit-request-password";
import { findOpenRequest, type OpenRequest } from "./find-upload-request";
import type { GuestTicket } from "./request-json";
import { serializeGuestUpload } from "./serialize-guest-upload";

const missing = (field: "guestName" | "guestEmail", message: string) =>
  new HttpError({ code: "validation_failed", message: `${field}: ${message}`, details: [{ path: [field], message }] });

/** The request's fixed terms for one file: what the guest must give, the types and the largest file it takes. */
function checkTerms(request: OpenRequest, input: CreateGuestUploadInput) {
  const guestName = input.guestName || null;
  const guestEmail = input.guestEmail || null;
  if (request.askName && !guestName) throw missing("guestName", "Tell the person who asked for these files your name.");
  if (request.askEmail && !guestEmail) throw missing("guestEmail", "Give your e-mail address: the person who asked for these files wants it.");
  const type = normalizeContentType(input.type);
  if (type && request.allowedTypes.length && !isTypeAllowed(type, request.allowedTypes)) {
    throw new HttpError({ code: "type_not_allowed", message: `This request accepts only ${request.allowedTypes.join(", ")}; this file is ${type}.` });
  }
  if (request.maxFileBytes !== null && input.size > Number(request.maxFileBytes)) {
    throw new HttpError({
      code: "file_too_large",
      message: `This file is ${formatBytes(input.size)}; this request accepts files up to ${formatBytes(Number(request.maxFileBytes))}.`,
    });
  }
  return { guestName, guestEmail };
}

/**
 * POST /api/r/:token/uploads: a guest's slot for one file, owned by the request's owner (their
 * quota, their review and processing). The answer is POST /api/uploads's plus `uploadKey`, the
 * only thing that lets the guest go on with this upload (its sha256 is stored with the slot).
 */
export async function createGuestUpload(token: unknown, input: CreateGuestUploadInput, meta: RequestMeta): Promise<GuestTicket> {
  const request = await findOpenRequest(token);
  if (request.passwordHash) await admitRequestPassword(request.id, request.passwordHash, input.password, meta);
  const { guestName, guestEmail } = checkTerms(request, input);
  const { token: uploadKey, tokenHash: guestKeyHash } = newShareToken();
  const { name, type, size, md5, folder } = input;
  const { upload, ...transfer } = await openUploadSlot(request.ownerId, { name, type, size, md5, folder }, meta, {
    requestId: request.id,
    guestName,
    guestEmail,
    guestKeyHash,
    admit: (tx, fileSize, now) => admitGuestFile(tx, request.id, fileSize, now),
  });
  return { upload: serializeGuestUpload(upload), ...transfer, uploadKey };
}
