-- Seeds a freshly migrated database for bench/admin-queries.ts (run by bench/admin.sh):
--   psql -v users=10000 -v uploads=1000000 -v events=5000000 -f bench/admin-seed.sql
-- Ids are derived from the row number (md5 as a uuid), so uploads can name their owner and
-- events their target without a join. Times are UTC, as Prisma stores them.
\set ON_ERROR_STOP on
\timing on

-- Triggers (the totals, recounted once afterwards) and foreign-key checks off for this session;
-- the secondary indexes (and the audit log's primary key, which nothing references) are dropped
-- here and built once at the end: maintaining them row by row, random uuids most of all, is slower.
SET session_replication_role = replica;
SET synchronous_commit = off;
SET maintenance_work_mem = '1GB';
SET max_parallel_maintenance_workers = 2;

CREATE TEMP TABLE bench_indexes AS
  SELECT indexname, indexdef FROM pg_indexes
  WHERE schemaname = current_schema() AND tablename IN ('User', 'Upload', 'AuditEvent') AND indexname NOT LIKE '%\_pkey';
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT indexname FROM bench_indexes LOOP EXECUTE format('DROP INDEX %I', r.indexname); END LOOP;
END $$;
ALTER TABLE "AuditEvent" DROP CONSTRAINT "AuditEvent_pkey";

CREATE TEMP TABLE bench_now AS SELECT (now() AT TIME ZONE 'UTC')::timestamp(3) AS now;

INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "disabledAt", "quotaBytes", "trusted", "createdAt", "updatedAt")
SELECT md5('bench-user-' || g)::uuid::text,
       lower(first) || '.' || lower(last) || g || '@' || domain,
       first || ' ' || last,
       'bench: no password',
       CASE WHEN g <= 5 THEN 'ADMIN' ELSE 'USER' END::"Role",
       CASE WHEN g % 100 = 7 THEN n.now - interval '10 days' END,
       100::bigint * 1024 * 1024 * 1024,
       g % 10 = 3,
       n.now - random() * interval '730 days',
       n.now
FROM generate_series(1, :users) AS g
CROSS JOIN bench_now AS n
CROSS JOIN LATERAL (SELECT
  (ARRAY['Ada','Ben','Chloé','Dmitri','Eva','Farid','Grace','Hiro','Ines','Jonas','Kemal','Lena','Marta','Nils','Olu','Priya','Quinn','Rosa','Sven','Tomás','Uma','Viktor','Wen','Yara','Zoe'])[1 + g % 25] AS first,
  (ARRAY['Adams','Berg','Costa','Dubois','Eriksen','Fischer','García','Hansen','Ito','Jensen','Kowalski','Larsen','Müller','Novak','Okafor','Petrov','Rossi','Schmidt','Tanaka','Weber'])[1 + (g / 25) % 20] AS last,
  (ARRAY['example.com','mail.test','studio.example','uni.example.edu','corp.example.org'])[1 + (g / 500) % 5] AS domain
) AS names;

-- One upload request for every fifth user (the heaviest, user 1, among them): a tenth of their
-- files came in through it.
INSERT INTO "UploadRequest" ("id", "ownerId", "label", "tokenHash", "expiresAt", "createdAt")
SELECT md5('bench-request-' || g)::uuid::text, md5('bench-user-' || g)::uuid::text, 'Files for ' || g,
       md5('bench-request-token-' || g), n.now + interval '30 days', n.now - interval '200 days'
FROM generate_series(1, :users) AS g CROSS JOIN bench_now AS n
WHERE g % 5 = 1;

-- Content types with their extensions; the repeats are the weights.
CREATE TEMP TABLE bench_types AS
  SELECT row_number() OVER () AS n, t.type, t.ext FROM (VALUES
    ('image/jpeg', 'jpg'), ('image/jpeg', 'jpg'), ('image/jpeg', 'jpg'), ('image/jpeg', 'jpg'), ('image/png', 'png'), ('image/png', 'png'),
    ('image/webp', 'webp'), ('image/gif', 'gif'), ('video/mp4', 'mp4'), ('video/mp4', 'mp4'), ('video/quicktime', 'mov'),
    ('audio/mpeg', 'mp3'), ('application/pdf', 'pdf'), ('application/pdf', 'pdf'), ('application/pdf', 'pdf'), ('application/zip', 'zip'),
    ('application/zip', 'zip'), ('text/plain', 'txt'), ('text/csv', 'csv'), ('application/json', 'json'), ('application/octet-stream', 'bin'),
    ('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx')
  ) AS t(type, ext);

INSERT INTO "Upload" ("id", "ownerId", "key", "originalName", "folder", "requestId", "guestName", "contentType", "size", "strategy", "partSize", "partCount",
                      "status", "review", "reviewerId", "reviewNote", "reviewedAt", "quarantinedAt", "etag",
                      "processing", "sha256", "scanSignature",
                      "expiresAt", "completedAt", "deletedAt", "createdAt", "updatedAt")
SELECT s.id, s.owner, 'u/' || s.owner || '/' || s.id || '/' || named.name, named.name,
       -- A third of the files came from dropped folders, one to three levels deep.
       CASE WHEN s.r_folder < 0.34 THEN (ARRAY['photos', 'photos/2024', 'photos/2025', 'photos/2025/berlin', 'projects/alpha', 'projects/alpha/assets',
                                               'projects/beta', 'invoices/2025', 'backup/laptop/documents', 'music/albums', 'scans', 'thesis/figures'])[1 + floor(s.r_folder * 35)::int] END,
       CASE WHEN s.owner_n % 5 = 1 AND s.r_folder > 0.9 THEN md5('bench-request-' || s.owner_n)::uuid::text END,
       CASE WHEN s.owner_n % 5 = 1 AND s.r_folder > 0.95 THEN 'Guest ' || s.g % 100 END,
       t.type, s.size,
       CASE WHEN s.size > 33554432 THEN 'MULTIPART' ELSE 'SINGLE' END::"UploadStrategy",
       CASE WHEN s.size > 33554432 THEN 16777216 END,
       CASE WHEN s.size > 33554432 THEN ceil(s.size / 16777216.0)::int END,
       s.status, s.review,
       CASE WHEN s.review IN ('APPROVED', 'REJECTED') AND s.r_review < 0.5 THEN md5('bench-user-' || (1 + s.g % 5))::uuid::text END,
       CASE WHEN s.review = 'REJECTED' THEN 'Not allowed here' END,
       CASE WHEN s.review IN ('APPROVED', 'REJECTED') THEN s.created + interval '2 hours' END,
       CASE WHEN s.review = 'REJECTED' AND s.g % 2 = 0 THEN s.created + interval '2 hours' END,
       CASE WHEN s.status IN ('COMPLETE', 'DELETED') THEN md5(s.id) END,
       -- Processed: one in a thousand infected, files over clamd's 2 GiB too large to scan, the rest clean.
       CASE WHEN s.status <> 'COMPLETE' THEN NULL WHEN s.g % 1000 = 7 THEN 'INFECTED' WHEN s.size > 2147483645 THEN 'TOO_LARGE_TO_SCAN' ELSE 'CLEAN' END::"ProcessingState",
       CASE WHEN s.status = 'COMPLETE' THEN md5(s.id) || md5(s.base) END,
       CASE WHEN s.status = 'COMPLETE' AND s.g % 1000 = 7 THEN 'Slipway.Test.EICAR.UNOFFICIAL' END,
       s.created + interval '1 day',
       CASE WHEN s.status IN ('COMPLETE', 'DELETED') THEN s.created + interval '1 minute' END,
       CASE WHEN s.status = 'DELETED' THEN s.created + interval '30 days' END,
       s.created, s.created
FROM (
  SELECT g, md5('bench-upload-' || g)::uuid::text AS id, owner_n, md5('bench-user-' || owner_n)::uuid::text AS owner, random() AS r_folder,
         1 + floor(random() * (SELECT count(*) FROM bench_types))::int AS type_n,
         (ARRAY['holiday','invoice','report','scan','IMG','DSC','meeting-notes','contract','budget','draft','final','backup','export','podcast','lecture','photo','screenshot','thesis','receipt','design'])[1 + floor(random() * 20)::int]
           || (ARRAY['-', '_', ' ', '-'])[1 + g % 4]
           || (ARRAY['2024','2025','2026','march','june','q3','v2','copy','berlin','lisbon','team','client','résumé','日本','final-final'])[1 + floor(random() * 15)::int]
           || '-' || g AS base,
         floor(exp(ln(100) + random() * (ln(4294967296) - ln(100))))::bigint AS size,
         CASE WHEN r_status < 0.90 THEN 'COMPLETE' WHEN r_status < 0.93 THEN 'DELETED' WHEN r_status < 0.95 THEN 'EXPIRED'
              WHEN r_status < 0.97 THEN 'ABORTED' WHEN r_status < 0.98 THEN 'FAILED' WHEN r_status < 0.99 THEN 'UPLOADING' ELSE 'PENDING' END::"UploadStatus" AS status,
         CASE WHEN r_status >= 0.93 THEN 'NONE' WHEN r_review < 0.02 THEN 'PENDING' WHEN r_review < 0.03 THEN 'REJECTED'
              WHEN r_review < 0.88 THEN 'APPROVED' ELSE 'NONE' END::"ReviewState" AS review,
         r_review,
         (SELECT now FROM bench_now) - random() * interval '365 days' AS created
  FROM (SELECT g, random() AS r_status, random() AS r_review, (1 + floor(:users * power(random(), 2)))::int AS owner_n FROM generate_series(1, :uploads) AS g) AS r
) AS s
JOIN bench_types AS t ON t.n = s.type_n
CROSS JOIN LATERAL (SELECT s.base || '.' || t.ext AS name) AS named;

-- Actions with weights (repeats); actions a person does not perform have no actor.
CREATE TEMP TABLE bench_actions AS
  SELECT row_number() OVER () AS n, a.action FROM (VALUES
    ('upload.create'), ('upload.create'), ('upload.create'), ('upload.create'), ('upload.complete'), ('upload.complete'),
    ('upload.complete'), ('upload.complete'), ('link.download'), ('link.download'), ('link.download'), ('account.signin'),
    ('account.signin'), ('link.create'), ('link.create'), ('upload.download'), ('review.auto_approve'), ('review.auto_approve'),
    ('upload.delete'), ('review.approve'), ('account.signin_failed'), ('upload.expire'), ('upload.abort'), ('link.revoke'),
    ('upload.fail'), ('review.reject'), ('account.create'), ('account.password_change'), ('admin.user_update'), ('upload.orphan_abort')
  ) AS a(action);

INSERT INTO "AuditEvent" ("id", "actorId", "action", "target", "ip", "userAgent", "data", "createdAt")
SELECT gen_random_uuid()::text,
       CASE WHEN a.action IN ('link.download', 'review.auto_approve', 'upload.orphan_abort', 'upload.expire') THEN NULL ELSE s.actor END,
       a.action,
       CASE WHEN a.action LIKE 'account.%' THEN s.actor ELSE md5('bench-upload-' || s.upload_n)::uuid::text END,
       '10.' || (s.g % 256) || '.' || ((s.g / 256) % 256) || '.' || (s.g / 65536 % 256),
       (ARRAY['Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0',
              'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
              'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36',
              'curl/8.14.1'])[1 + s.g % 4],
       CASE WHEN a.action LIKE 'upload.%' THEN jsonb_build_object('size', s.upload_n % 100000, 'key', 'u/…/' || s.upload_n)
            WHEN a.action = 'link.download' THEN jsonb_build_object('outcome', 'ok') END,
       s.created
FROM (
  SELECT g,
         1 + floor(random() * (SELECT count(*) FROM bench_actions))::int AS action_n,
         md5('bench-user-' || (1 + floor(:users * power(random(), 2)))::int)::uuid::text AS actor,
         1 + floor(random() * :uploads)::int AS upload_n,
         (SELECT now FROM bench_now) - random() * interval '365 days' AS created
  FROM generate_series(1, :events) AS g
) AS s
JOIN bench_actions AS a ON a.n = s.action_n;

DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT indexdef FROM bench_indexes LOOP EXECUTE r.indexdef; END LOOP;
END $$;
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id");
