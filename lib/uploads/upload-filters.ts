import { Prisma } from "../generated/prisma/client";
import { likeLiteral } from "../like-pattern";
import { scanPolicy } from "../processing/scan-policy";
import { type StatusGroup, TYPE_GROUP_MEMBERS, type TypeGroup } from "./upload-groups";
import { type ScanPolicy, shareableProcessing } from "./upload-status";

/** The statuses of the owner's list: cancelled, expired and deleted slots are history, not files. */
export const LISTED = Prisma.sql`u."status" IN ('PENDING', 'UPLOADING', 'COMPLETE', 'FAILED')`;

// The SQL twin of uploadAvailability (lib/uploads/upload-status.ts) as statusGroup reads it:
// change them together; tests/integration/list-uploads-filters.test.ts holds them to each other.
function availability(policy: ScanPolicy) {
  // Null-safe throughout: a finished file processing has not reached yet has no state (it waits).
  const infected = Prisma.sql`(u."processing" IS NOT DISTINCT FROM 'INFECTED' OR u."scanSignature" IS NOT NULL)`;
  const passed = policy.scanning ? Prisma.sql`COALESCE(u."processing"::text = ANY(${shareableProcessing(policy)}::text[]), false)` : Prisma.sql`true`;
  // Shareable or waiting: not rejected, not infected, and (waiting) for review or for a scan that has not failed.
  const alive = Prisma.sql`u."status" = 'COMPLETE' AND u."review" <> 'REJECTED' AND NOT ${infected}`;
  return {
    available: Prisma.sql`(${alive} AND u."review" <> 'PENDING' AND ${passed})`,
    waiting: Prisma.sql`(${alive} AND (u."review" = 'PENDING' OR (NOT ${passed} AND u."processing" IS DISTINCT FROM 'FAILED')))`,
  };
}

/** The condition for one status group (upload-groups.ts says what each holds). */
export function statusCondition(group: StatusGroup, policy = scanPolicy()): Prisma.Sql {
  const { available, waiting } = availability(policy);
  if (group === "complete") return available;
  if (group === "in_progress") return Prisma.sql`(u."status" IN ('PENDING', 'UPLOADING') OR ${waiting})`;
  return Prisma.sql`(u."status" = 'FAILED' OR (u."status" = 'COMPLETE' AND NOT ${available} AND NOT ${waiting}))`;
}

function inGroup({ prefixes, types }: { prefixes: string[]; types: string[] }): Prisma.Sql {
  const patterns = prefixes.map((prefix) => `${likeLiteral(prefix)}%`);
  return Prisma.sql`(u."contentType" LIKE ANY(${patterns}::text[]) OR u."contentType" = ANY(${types}::text[]))`;
}

/** The condition for one type group: its families and types, or (other) none of any group's. */
export function typeCondition(group: TypeGroup): Prisma.Sql {
  if (group !== "other") return inGroup(TYPE_GROUP_MEMBERS[group]);
  const all = Object.values(TYPE_GROUP_MEMBERS);
  return Prisma.sql`NOT ${inGroup({ prefixes: all.flatMap((g) => g.prefixes), types: all.flatMap((g) => g.types) })}`;
}
