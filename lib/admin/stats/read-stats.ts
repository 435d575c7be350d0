import { db } from "../../db";
import { ReviewState, UploadStatus } from "../../generated/prisma/client";
import { countMultipartUploads } from "../../storage/multipart";
import { readProcessingStats } from "./read-processing-stats";

const DAYS = 30;
const DAY_MS = 86_400_000;

const utcDay = (date: Date) => date.toISOString().slice(0, 10);

const zeroes = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

async function dailyTotals(now: Date) {
  const days = Array.from({ length: DAYS }, (_, index) => utcDay(new Date(now.getTime() - (DAYS - 1 - index) * DAY_MS)));
  const rows = await db.$queryRaw<Array<{ day: string; uploads: bigint; bytes: bigint }>>`
    SELECT to_char("day", 'YYYY-MM-DD') AS day, sum("uploads")::bigint AS uploads, sum("bytes")::bigint AS bytes
    FROM "UploadDailyStat" WHERE "day" BETWEEN ${days[0]}::date AND ${days[DAYS - 1]}::date GROUP BY "day"`;
  const byDay = new Map(rows.map((row) => [row.day, row]));
  return days.map((day) => ({ day, uploads: Number(byDay.get(day)?.uploads ?? 0), bytes: Number(byDay.get(day)?.bytes ?? 0) }));
}

/**
 * The admin's overview, from the totals the database keeps by trigger ("UploadDailyStat",
 * User.storedBytes/storedFiles) and one ListMultipartUploads page: nothing here scans the uploads.
 * `byReview` counts finished (COMPLETE) uploads, the ones review applies to; `daily` the uploads
 * created on each of the last 30 UTC days, oldest first, whatever became of them.
 */
export async function readStats() {
  const [stored, states, daily, top, incompleteMultipart, processing] = await Promise.all([
    db.user.aggregate({ _count: { _all: true }, _sum: { storedBytes: true, storedFiles: true } }),
    db.uploadDailyStat.groupBy({ by: ["status", "review"], _sum: { uploads: true } }),
    dailyTotals(new Date()),
    db.user.findMany({
      where: { storedBytes: { gt: 0 } },
      orderBy: [{ storedBytes: "desc" }, { id: "asc" }],
      take: 10,
      select: { id: true, email: true, name: true, storedBytes: true, storedFiles: true },
    }),
    countMultipartUploads(""),
    readProcessingStats(),
  ]);
  const byStatus = zeroes(Object.values(UploadStatus));
  const byReview = zeroes(Object.values(ReviewState));
  for (const { status, review, _sum } of states) {
    byStatus[status] += _sum.uploads ?? 0;
    if (status === "COMPLETE") byReview[review] += _sum.uploads ?? 0;
  }
  return {
    bytes: Number(stored._sum.storedBytes ?? 0),
    objects: stored._sum.storedFiles ?? 0,
    users: stored._count._all,
    byStatus,
    byReview,
    incompleteMultipart,
    processing,
    daily,
    topUploaders: top.map((user) => ({ id: user.id, email: user.email, name: user.name, bytes: Number(user.storedBytes), files: user.storedFiles })),
  };
}
export type AdminStats = Awaited<ReturnType<typeof readStats>>;
