-- DropIndex
DROP INDEX "AuditEvent_actorId_createdAt_idx";

-- DropIndex
DROP INDEX "AuditEvent_createdAt_idx";

-- DropIndex
DROP INDEX "AuditEvent_target_createdAt_idx";

-- DropIndex
DROP INDEX "Upload_review_createdAt_idx";

-- AlterTable
ALTER TABLE "Upload" ADD COLUMN     "quarantinedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "storedBytes" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "storedFiles" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "trusted" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "UploadDailyStat" (
    "day" DATE NOT NULL,
    "status" "UploadStatus" NOT NULL,
    "review" "ReviewState" NOT NULL,
    "uploads" INTEGER NOT NULL DEFAULT 0,
    "bytes" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "UploadDailyStat_pkey" PRIMARY KEY ("day","status","review")
);

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_id_idx" ON "AuditEvent"("createdAt", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_createdAt_id_idx" ON "AuditEvent"("actorId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_target_createdAt_id_idx" ON "AuditEvent"("target", "createdAt", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_action_createdAt_id_idx" ON "AuditEvent"("action", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Upload_status_review_createdAt_id_idx" ON "Upload"("status", "review", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Upload_status_createdAt_id_idx" ON "Upload"("status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "User_storedBytes_id_idx" ON "User"("storedBytes" DESC, "id");

-- The admin's stats must not scan every upload per request: the database keeps the sums itself,
-- in the same transaction as each change. A file counts as stored while its object exists:
-- COMPLETE, and not rejected-and-deleted (a quarantined file still takes space).
CREATE FUNCTION slipway_upload_totals() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_stored boolean := false;
  new_stored boolean := false;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO "UploadDailyStat" ("day", "status", "review", "uploads", "bytes")
      VALUES (OLD."createdAt"::date, OLD."status", OLD."review", -1, -OLD."size")
      ON CONFLICT ("day", "status", "review") DO UPDATE
      SET "uploads" = "UploadDailyStat"."uploads" + EXCLUDED."uploads", "bytes" = "UploadDailyStat"."bytes" + EXCLUDED."bytes";
    old_stored := OLD."status" = 'COMPLETE' AND (OLD."review" <> 'REJECTED' OR OLD."quarantinedAt" IS NOT NULL);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "UploadDailyStat" ("day", "status", "review", "uploads", "bytes")
      VALUES (NEW."createdAt"::date, NEW."status", NEW."review", 1, NEW."size")
      ON CONFLICT ("day", "status", "review") DO UPDATE
      SET "uploads" = "UploadDailyStat"."uploads" + EXCLUDED."uploads", "bytes" = "UploadDailyStat"."bytes" + EXCLUDED."bytes";
    new_stored := NEW."status" = 'COMPLETE' AND (NEW."review" <> 'REJECTED' OR NEW."quarantinedAt" IS NOT NULL);
  END IF;
  IF old_stored AND NOT new_stored THEN
    UPDATE "User" SET "storedBytes" = "storedBytes" - OLD."size", "storedFiles" = "storedFiles" - 1 WHERE "id" = OLD."ownerId";
  ELSIF new_stored AND NOT old_stored THEN
    UPDATE "User" SET "storedBytes" = "storedBytes" + NEW."size", "storedFiles" = "storedFiles" + 1 WHERE "id" = NEW."ownerId";
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Upload_totals_insert_delete" AFTER INSERT OR DELETE ON "Upload"
  FOR EACH ROW EXECUTE FUNCTION slipway_upload_totals();
CREATE TRIGGER "Upload_totals_update" AFTER UPDATE OF "status", "review", "quarantinedAt", "size", "createdAt", "ownerId" ON "Upload"
  FOR EACH ROW
  WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."review" IS DISTINCT FROM NEW."review"
        OR OLD."quarantinedAt" IS DISTINCT FROM NEW."quarantinedAt" OR OLD."size" <> NEW."size"
        OR OLD."createdAt"::date <> NEW."createdAt"::date OR OLD."ownerId" <> NEW."ownerId")
  EXECUTE FUNCTION slipway_upload_totals();

-- Existing rows, counted once.
INSERT INTO "UploadDailyStat" ("day", "status", "review", "uploads", "bytes")
  SELECT "createdAt"::date, "status", "review", count(*), sum("size") FROM "Upload" GROUP BY 1, 2, 3;
UPDATE "User" AS u SET "storedBytes" = t.bytes, "storedFiles" = t.files
  FROM (SELECT "ownerId", sum("size") AS bytes, count(*) AS files FROM "Upload"
        WHERE "status" = 'COMPLETE' AND ("review" <> 'REJECTED' OR "quarantinedAt" IS NOT NULL) GROUP BY 1) AS t
  WHERE u."id" = t."ownerId";
