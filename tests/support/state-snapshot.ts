import { ListMultipartUploadsCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { db } from "@/lib/db";
import { bucket, s3 } from "@/lib/storage/s3";

// What a refused request must leave as it was: every table of the app (its row count and a digest
// of its rows, so an update shows too) and everything in the bucket (objects and open multipart
// uploads). The job queue's own schema (pg-boss) is not the app's state and is left out.

/**
 * Tables whose rows count requests, so every request changes them by design: the shared
 * rate-limit store (rate-limiter-flexible's table, named by #12's shared-limits work).
 */
const REQUEST_COUNTERS = /rate.?limit|rlflx/i;

let tableQuery: string | undefined;

async function buildQuery(): Promise<string> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`;
  return tables
    .filter(({ name }) => !REQUEST_COUNTERS.test(name))
    .map(({ name }) => `SELECT '${name}' AS name, count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${name}" t`)
    .join(" UNION ALL ");
}

/** Each table's row count and digest. */
export async function tableState(): Promise<Map<string, { rows: number; digest: string }>> {
  tableQuery ??= await buildQuery();
  const rows = await db.$queryRawUnsafe<{ name: string; rows: number; digest: string }[]>(tableQuery);
  return new Map(rows.map(({ name, ...state }) => [name, state]));
}

/** The tables whose rows differ between two states, as "Table: 3 → 4 rows" (or "rows changed"). */
export function changedTables(before: Awaited<ReturnType<typeof tableState>>, after: Awaited<ReturnType<typeof tableState>>): { table: string; added: number; text: string }[] {
  return [...after].flatMap(([table, now]) => {
    const was = before.get(table);
    if (was && was.digest === now.digest) return [];
    const added = now.rows - (was?.rows ?? 0);
    return [{ table, added, text: added ? `${table}: ${was?.rows ?? 0} → ${now.rows} rows` : `${table}: rows changed` }];
  });
}

async function listObjects(prefix: string): Promise<string[]> {
  const lines: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
    for (const object of page.Contents ?? []) lines.push(`${object.Key} ${object.Size} ${object.ETag}`);
    token = page.NextContinuationToken;
  } while (token);
  return lines;
}

async function listMultipartUploads(prefix: string): Promise<string[]> {
  const { Uploads = [] } = await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: prefix }));
  return Uploads.map((upload) => `multipart ${upload.Key} ${upload.UploadId}`);
}

/**
 * Every object (key, size, ETag) and open multipart upload of these users, one per line. Other
 * test files share the bucket; every key Slipway makes names its owner (`u/<user id>/`, also
 * under incoming/, quarantine/ and thumbnails/; multipart uploads go straight to `u/`).
 */
export async function bucketListing(userIds: string[]): Promise<string> {
  const lists = userIds.flatMap((id) => [...["", "incoming/", "quarantine/", "thumbnails/"].map((area) => listObjects(`${area}u/${id}/`)), listMultipartUploads(`u/${id}/`)]);
  return (await Promise.all(lists)).flat().sort().join("\n");
}
