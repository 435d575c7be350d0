import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import type { UsageJson } from "../uploads/dashboard-json";
import { openUploadBytes } from "../uploads/open-upload-bytes";

/** How many requests the answer names; the notice says "via A, B and 2 more" beyond that. */
const NAMED_REQUESTS = 5;

interface ReceivedRow {
  requestId: string;
  label: string;
  files: number;
  lastAt: Date;
  total: number;
  latest: Date;
}

/**
 * The owner's finished files that came in through their upload requests after `since` (all of
 * them without it): how many, the latest time, and the requests they came through, latest first.
 * A walk from the owner's requests into the (requestId, status) index: the received files only.
 */
async function receivedSince(userId: string, since: Date | undefined) {
  const after = since ? Prisma.sql`AND u."completedAt" > ${since.toISOString().slice(0, 23)}::timestamp` : Prisma.empty;
  const rows = await db.$queryRaw<ReceivedRow[]>`
    SELECT r."id" AS "requestId", r."label", count(*)::int AS "files", max(u."completedAt") AS "lastAt",
           (sum(count(*)) OVER ())::int AS "total", max(max(u."completedAt")) OVER () AS "latest"
    FROM "UploadRequest" AS r JOIN "Upload" AS u ON u."requestId" = r."id"
    WHERE r."ownerId" = ${userId} AND u."ownerId" = ${userId} AND u."status" = 'COMPLETE' ${after}
    GROUP BY r."id", r."label"
    ORDER BY "lastAt" DESC, r."id"
    LIMIT ${NAMED_REQUESTS}`;
  return {
    files: rows[0]?.total ?? 0,
    lastAt: rows[0]?.latest.toISOString() ?? null,
    requests: rows.map(({ requestId, label, files }) => ({ requestId, label, files })),
  };
}

/**
 * What the quota meter shows: `usedBytes` is what the quota check at upload counts (stored files
 * plus unfinished slots, lib/uploads/create-upload-slot.ts), `openBytes` the unfinished part.
 */
export async function readUsage(userId: string, since?: Date): Promise<UsageJson> {
  const [owner, openBytes, received] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { quotaBytes: true, storedBytes: true, storedFiles: true } }),
    openUploadBytes(db, userId),
    receivedSince(userId, since),
  ]);
  return { usedBytes: Number(owner.storedBytes) + openBytes, quotaBytes: Number(owner.quotaBytes), storedFiles: owner.storedFiles, openBytes, received };
}
