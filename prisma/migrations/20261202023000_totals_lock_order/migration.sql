-- Two transactions moving uploads between the same two daily-total rows in opposite directions
-- (one rejecting an approved file, another approving a quarantined one, both created the same
-- day) locked the rows in opposite orders and could deadlock. The rows are now always changed in
-- key order; what is added and subtracted is unchanged.
CREATE OR REPLACE FUNCTION slipway_add_daily_total(day date, status "UploadStatus", review "ReviewState", uploads integer, bytes bigint) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "UploadDailyStat" ("day", "status", "review", "uploads", "bytes") VALUES (day, status, review, uploads, bytes)
  ON CONFLICT ("day", "status", "review") DO UPDATE
  SET "uploads" = "UploadDailyStat"."uploads" + EXCLUDED."uploads", "bytes" = "UploadDailyStat"."bytes" + EXCLUDED."bytes";
$$;

CREATE OR REPLACE FUNCTION slipway_upload_totals() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_stored boolean := false;
  new_stored boolean := false;
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW."createdAt"::date, NEW."status", NEW."review") < (OLD."createdAt"::date, OLD."status", OLD."review") THEN
    PERFORM slipway_add_daily_total(NEW."createdAt"::date, NEW."status", NEW."review", 1, NEW."size");
    PERFORM slipway_add_daily_total(OLD."createdAt"::date, OLD."status", OLD."review", -1, -OLD."size");
  ELSE
    IF TG_OP <> 'INSERT' THEN
      PERFORM slipway_add_daily_total(OLD."createdAt"::date, OLD."status", OLD."review", -1, -OLD."size");
    END IF;
    IF TG_OP <> 'DELETE' THEN
      PERFORM slipway_add_daily_total(NEW."createdAt"::date, NEW."status", NEW."review", 1, NEW."size");
    END IF;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    old_stored := OLD."status" = 'COMPLETE' AND (OLD."review" <> 'REJECTED' OR OLD."quarantinedAt" IS NOT NULL);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    new_stored := NEW."status" = 'COMPLETE' AND (NEW."review" <> 'REJECTED' OR NEW."quarantinedAt" IS NOT NULL);
  END IF;
  IF old_stored AND NOT new_stored THEN
    UPDATE "User" SET "storedBytes" = "storedBytes" - OLD."size", "storedFiles" = "storedFiles" - 1 WHERE "id" = OLD."ownerId";
  ELSIF new_stored AND NOT old_stored THEN
    UPDATE "User" SET "storedBytes" = "storedBytes" + NEW."size", "storedFiles" = "storedFiles" + 1 WHERE "id" = NEW."ownerId";
  END IF;
  RETURN NULL;
END $$;
