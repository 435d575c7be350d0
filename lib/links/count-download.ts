import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { scanPolicy } from "../processing/scan-policy";
import { shareableProcessing } from "../uploads/upload-status";
import type { RequestMeta } from "../http";

type DownloadableFile = { key: string; originalName: string; contentType: string };

/**
 * Counts one download through a link and audits it, in one statement, and returns the file;
 * null when the link may not be used (then nothing is counted or written, and the caller says
 * why). Every refusal is a condition of the WHERE and the count is compared with the limit
 * inside the UPDATE, so concurrent requests never exceed it. A link with a password counts only
 * once the caller has checked the password (`passwordChecked`).
 *
 * The WHERE is the SQL twin of `linkUsability` (link-status.ts; the file's part is
 * `uploadAvailability` in lib/uploads/upload-status.ts, with the same scan policy): change them
 * together.
 * tests/integration/link-usable-rule.test.ts runs both on the same links and holds them to it.
 *
 * Prisma keeps UTC in "timestamp without time zone" columns: NOW() is read in UTC here, so
 * expiry holds whatever the database session's time zone is.
 */
export async function countDownload(tokenHash: string, passwordChecked: boolean, meta: RequestMeta, policy = scanPolicy()): Promise<DownloadableFile | null> {
  const processed = policy.scanning ? Prisma.sql`u."processing"::text = ANY(${shareableProcessing(policy)})` : Prisma.sql`u."processing" IS DISTINCT FROM 'INFECTED'`;
  const rows = await db.$queryRaw<DownloadableFile[]>`
    WITH counted AS (
      UPDATE "ShareLink" AS l SET "downloadCount" = l."downloadCount" + 1
      FROM "Upload" AS u, "User" AS c
      WHERE l."tokenHash" = ${tokenHash} AND u."id" = l."uploadId" AND c."id" = l."creatorId"
        AND u."status" = 'COMPLETE' AND u."review" IN ('NONE', 'APPROVED') AND ${processed} AND u."scanSignature" IS NULL AND c."disabledAt" IS NULL
        AND (l."passwordHash" IS NULL OR ${passwordChecked})
        AND l."revokedAt" IS NULL AND l."expiresAt" > (NOW() AT TIME ZONE 'UTC')
        AND (l."maxDownloads" IS NULL OR l."downloadCount" < l."maxDownloads")
      RETURNING l."id", u."key", u."originalName", u."contentType"
    ), audited AS (
      INSERT INTO "AuditEvent" ("id", "action", "target", "data", "ip", "userAgent", "createdAt")
      SELECT gen_random_uuid()::text, 'link.download', counted."id", '{"outcome":"ok"}'::jsonb, ${meta.ip}, ${meta.userAgent}, NOW() AT TIME ZONE 'UTC'
      FROM counted
    )
    SELECT "key", "originalName", "contentType" FROM counted`;
  return rows[0] ?? null;
}
