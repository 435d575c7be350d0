-- Creating an upload slot locks the owner's "User" row (quota check) and then, through this
-- trigger's INSERT, a daily-total row; finishing another upload of the same owner changed the
-- daily-total row first and the "User" row (stored totals) second. Two such transactions could
-- deadlock (40P01, seen when twenty uploads were created while others completed). The owner's
-- row is now always changed first, then the daily totals (still in key order); what is added
-- and subtracted is unchanged.
CREATE OR REPLACE FUNCTION slipway_upload_totals() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_stored boolean := false;
  new_stored boolean := false;
BEGIN
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
  RETURN NULL;
END $$;
