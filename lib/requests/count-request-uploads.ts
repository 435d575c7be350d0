import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { OPEN_STATUSES } from "../uploads/upload-status";

export interface RequestCounts {
  received: { files: number; bytes: number; lastAt: Date | null };
  inProgress: { files: number; bytes: number };
}

export const NO_UPLOADS: RequestCounts = { received: { files: 0, bytes: 0, lastAt: null }, inProgress: { files: 0, bytes: 0 } };

/** Files and bytes a request's limits count: what it received plus what is on its way. */
export function countedAgainstLimits({ received, inProgress }: RequestCounts): { files: number; bytes: number } {
  return { files: received.files + inProgress.files, bytes: received.bytes + inProgress.bytes };
}

/**
 * What came through each request: finished files (COMPLETE; a file its owner deleted no longer
 * counts, which makes room again) and open slots that have not expired (they may still finish).
 * Cancelled, failed and expired slots hold nothing. One grouped query on (requestId, status).
 */
export async function countRequestUploads(requestIds: string[], now: Date, client: Pick<Prisma.TransactionClient, "upload"> = db): Promise<Map<string, RequestCounts>> {
  const groups = await client.upload.groupBy({
    by: ["requestId", "status"],
    where: { requestId: { in: requestIds }, OR: [{ status: "COMPLETE" }, { status: { in: OPEN_STATUSES }, expiresAt: { gt: now } }] },
    _count: { _all: true },
    _sum: { size: true },
    _max: { completedAt: true },
  });
  const counts = new Map<string, RequestCounts>();
  for (const group of groups) {
    if (!group.requestId) continue;
    const entry = counts.get(group.requestId) ?? structuredClone(NO_UPLOADS);
    const files = group._count._all;
    const bytes = Number(group._sum.size ?? 0n);
    if (group.status === "COMPLETE") entry.received = { files, bytes, lastAt: group._max.completedAt };
    else entry.inProgress = { files: entry.inProgress.files + files, bytes: entry.inProgress.bytes + bytes };
    counts.set(group.requestId, entry);
  }
  return counts;
}
