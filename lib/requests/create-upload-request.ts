import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import { env } from "../env";
import type { RequestMeta } from "../http";
import { newShareToken } from "../links/share-token";
import { hashPassword } from "../password";
import type { CreateRequestInput } from "../validations/request";
import { NO_UPLOADS } from "./count-request-uploads";
import { serializeUploadRequest } from "./serialize-upload-request";

/**
 * A new upload request of the caller's. Its URL carries a 32-byte token, made like a share
 * link's: returned once, here (also as the request's `url`); the database keeps its sha256.
 */
export async function createUploadRequest(userId: string, input: CreateRequestInput, meta: RequestMeta) {
  const { token, tokenHash } = newShareToken();
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const request = await db.$transaction(async (tx) => {
    const created = await tx.uploadRequest.create({
      data: {
        ownerId: userId,
        label: input.label,
        message: input.message || null,
        tokenHash,
        expiresAt: new Date(Date.now() + input.expiresInSeconds * 1000),
        maxFiles: input.maxFiles ?? null,
        maxFileBytes: input.maxFileBytes === undefined ? null : BigInt(input.maxFileBytes),
        maxTotalBytes: input.maxTotalBytes === undefined ? null : BigInt(input.maxTotalBytes),
        allowedTypes: input.allowedTypes ?? [],
        passwordHash,
        askName: input.askName ?? false,
        askEmail: input.askEmail ?? false,
      },
    });
    const { label, maxFiles, maxFileBytes, maxTotalBytes, allowedTypes, askName, askEmail } = input;
    const terms = { label, expiresAt: created.expiresAt.toISOString(), maxFiles, maxFileBytes, maxTotalBytes, allowedTypes, hasPassword: passwordHash !== null, askName, askEmail };
    await recordAuditEvent({ actorId: userId, action: "request.create", target: created.id, data: terms, meta }, tx);
    return created;
  });
  const url = `${new URL(env.APP_URL).origin}/r/${token}`;
  return { request: { ...serializeUploadRequest(request, NO_UPLOADS), url }, url };
}
