import { db } from "@/lib/db";
import { pingBucket } from "@/lib/storage/objects";
import { withTimeout } from "@/lib/with-timeout";

export const dynamic = "force-dynamic";

async function check(probe: () => Promise<unknown>): Promise<"ok" | "down"> {
  try {
    await withTimeout(probe(), 3000);
    return "ok";
  } catch {
    return "down";
  }
}

/** 200 when the database and the bucket both answer; 503 naming what is down. */
export async function GET() {
  const [database, storage] = await Promise.all([check(() => db.$queryRaw`SELECT 1`), check(pingBucket)]);
  const body = { db: database, s3: storage };
  return Response.json(body, { status: database === "ok" && storage === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
