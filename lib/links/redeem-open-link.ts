import { db } from "../db";
import type { RequestMeta } from "../http";

type DownloadableFile = { key: string; originalName: string; contentType: string };

/**
 * The common download in one statement: a usable link without a password is counted and the
 * use audited together, and its file returned. Every condition of the careful path is in the
 * WHERE, and the count is compared with the limit inside the UPDATE, so concurrent requests
 * never exceed it. null: not this case (a password, or a reason to refuse) — the caller takes
 * the careful path, which says why. One round trip instead of five: the redirect's hot path.
 */
export async function redeemOpenLink(tokenHash: string, meta: RequestMeta): Promise<DownloadableFile | null> {
  const rows = await db.$queryRaw<DownloadableFile[]>`
    WITH counted AS (
      UPDATE "ShareLink" AS l SET "downloadCount" = l."downloadCount" + 1
      FROM "Upload" AS u
      WHERE l."tokenHash" = ${tokenHash} AND u."id" = l."uploadId"
        AND u."status" = 'COMPLETE' AND u."review" <> 'REJECTED'
        AND l."passwordHash" IS NULL AND l."revokedAt" IS NULL AND l."expiresAt" > NOW()
        AND (l."maxDownloads" IS NULL OR l."downloadCount" < l."maxDownloads")
      RETURNING l."id", u."key", u."originalName", u."contentType"
    ), audited AS (
      INSERT INTO "AuditEvent" ("id", "action", "target", "data", "ip", "userAgent")
      SELECT gen_random_uuid()::text, 'link.download', counted."id", '{"outcome":"ok"}'::jsonb, ${meta.ip}, ${meta.userAgent}
      FROM counted
    )
    SELECT "key", "originalName", "contentType" FROM counted`;
  return rows[0] ?? null;
}
