import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import { env } from "../env";
import { HttpError } from "../errors";
import type { Role } from "../generated/prisma/enums";
import type { RequestMeta } from "../http";
import { hashPassword } from "../password";
import type { SignUpInput } from "../validations/account";

/** Creates a user with the default quota. A taken email is 409 (sign-up is open, so that is no secret). */
export async function createAccount(input: SignUpInput, meta: RequestMeta | undefined, role: Role = "USER") {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new HttpError({ code: "email_taken", message: "An account with this email already exists. Sign in instead." });
  const user = await db.user.create({
    data: {
      email: input.email,
      name: input.name,
      passwordHash: await hashPassword(input.password),
      role,
      quotaBytes: BigInt(env.DEFAULT_QUOTA_BYTES),
    },
    select: { id: true, email: true, name: true, role: true },
  });
  await recordAuditEvent({ actorId: user.id, action: "account.create", target: user.id, data: { role }, meta });
  return user;
}
