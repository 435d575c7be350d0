import { db } from "../db";
import { env } from "../env";
import { HttpError } from "../errors";
import type { UploadRequest } from "../generated/prisma/client";
import { hashShareToken } from "../links/share-token";
import { hit } from "../rate-limit";
import { shareTokenSchema } from "../validations/link";
import { assertRequestOpen } from "./request-status";

/** The per-address budget every guest route shares (publicRoute's `rateLimit`), counted before the token is looked up. */
export const GUEST_ADDRESS_LIMIT = { name: "request-guest", limit: env.REQUEST_ACCESS_PER_IP_PER_MINUTE, windowSeconds: 60 };

const noSuchRequest = () => new HttpError({ code: "not_found", message: "There is no such upload request. Check the link you were given." });

/**
 * The sha256 of a well-formed request token (404 otherwise), counted against the request's own
 * budget: a link posted somewhere public can be hammered from many addresses, each under its own
 * limit. Keyed by the hash, so the budget is checked before any database work.
 */
export async function admitRequestToken(token: unknown): Promise<string> {
  const parsed = shareTokenSchema.safeParse(token);
  if (!parsed.success) throw noSuchRequest();
  const tokenHash = hashShareToken(parsed.data);
  await hit(`request-token:${tokenHash}`, { limit: env.REQUEST_ACCESS_PER_REQUEST_PER_MINUTE, windowSeconds: 60 });
  return tokenHash;
}

export type OpenRequest = UploadRequest & { owner: { name: string } };

/** The request a guest's link names, while it takes files: 404 for an unknown token, 410 once revoked, expired or suspended. */
export async function findOpenRequest(token: unknown): Promise<OpenRequest> {
  const tokenHash = await admitRequestToken(token);
  const request = await db.uploadRequest.findUnique({ where: { tokenHash }, include: { owner: { select: { name: true, disabledAt: true } } } });
  if (!request) throw noSuchRequest();
  assertRequestOpen(request, request.owner.disabledAt !== null);
  return request;
}
