import type { Prisma } from "../generated/prisma/client";
import { OPEN_STATUSES } from "./upload-status";

/**
 * Bytes of the owner's unfinished slots that have not expired: the quota counts a slot from its
 * creation, so that parallel uploads cannot together overshoot it, until it finishes or expires.
 */
export async function openUploadBytes(client: Pick<Prisma.TransactionClient, "upload">, userId: string, now = new Date()): Promise<number> {
  const open = await client.upload.aggregate({ _sum: { size: true }, where: { ownerId: userId, status: { in: OPEN_STATUSES }, expiresAt: { gt: now } } });
  return Number(open._sum.size ?? 0n);
}
