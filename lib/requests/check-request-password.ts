import type { RequestMeta } from "../http";
import { admitRequestPassword } from "./admit-request-password";
import { findOpenRequest } from "./find-upload-request";

/** POST /api/r/:token/password: whether the guest has the right password (a request without one accepts anything). */
export async function checkRequestPassword(token: unknown, password: string, meta: RequestMeta): Promise<void> {
  const request = await findOpenRequest(token);
  if (request.passwordHash) await admitRequestPassword(request.id, request.passwordHash, password, meta);
}
