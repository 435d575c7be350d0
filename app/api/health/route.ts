import { db } from "@/lib/db";
import { scannerHealth } from "@/lib/processing/processing-health";
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

/**
 * 200 when the database, the bucket and the virus scanner (when one is configured) all answer;
 * 503 naming what is down. `scanner: "off"` says files are not scanned at all.
 */
export async function GET() {
  const [database, storage, scanner] = await Promise.all([check(() => db.$queryRaw`SELECT 1`), check(pingBucket), scannerHealth()]);
  const body = { db: database, s3: storage, scanner };
  const healthy = database === "ok" && storage === "ok" && scanner !== "down";
  return Response.json(body, { status: healthy ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
