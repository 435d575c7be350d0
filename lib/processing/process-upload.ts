import "server-only";
import { randomUUID } from "node:crypto";
import { objectLocation } from "../admin/uploads/object-location";
import { db } from "../db";
import { env } from "../env";
import { readObjectStream } from "../storage/objects";
import { readObjectFacts } from "./read-object-facts";
import { recordFailure, recordProcessing } from "./record-processing";
import { clamdOptions } from "./scan-policy";
import { signatureFingerprint } from "./clamd-client";

export interface Attempt {
  /** How many times this job has been retried before (0 on the first attempt). */
  retryCount: number;
  retryLimit: number;
}

const THUMBNAIL_EDGE = 320;

/**
 * The processing job of one finished upload. It claims the row with a fresh run id, reads the
 * object once, and records the facts only while its run id is still the row's: if this worker
 * dies and the job runs again, the new run takes over and the old one can never write. A file
 * deleted, rejected-and-deleted or not finished is skipped. Errors propagate so pg-boss retries
 * with backoff; the row says "queued" with the reason until the last attempt, then "failed".
 */
export async function processUpload(uploadId: string, attempt: Attempt): Promise<void> {
  const run = randomUUID();
  const { count } = await db.upload.updateMany({
    // A rejected file whose object was deleted has nothing left to read.
    where: { id: uploadId, status: "COMPLETE", NOT: { review: "REJECTED", quarantinedAt: null } },
    data: { processing: "RUNNING", processingRun: run, processingAttempts: { increment: 1 } },
  });
  if (count === 0) return;
  const upload = await db.upload.findUniqueOrThrow({ where: { id: uploadId } });
  const location = objectLocation(upload) ?? upload.key;

  try {
    // A copy under quarantine/ may carry a new ETag on AWS (multipart objects); it is never served.
    const chunks = await readObjectStream(location, upload.quarantinedAt ? null : upload.etag);
    if (!chunks) throw new Error("the stored object is missing or no longer the one that was verified");
    const clamd = clamdOptions();
    const facts = await readObjectFacts(
      { chunks, size: Number(upload.size), name: upload.originalName, declaredType: upload.contentType },
      { clamd, maxScanBytes: env.SCAN_MAX_BYTES, thumbnail: { maxBytes: env.THUMBNAIL_MAX_BYTES, maxPixels: env.THUMBNAIL_MAX_PIXELS, maxEdge: THUMBNAIL_EDGE } },
    );
    const scannedWith = clamd && facts.scan ? await signatureFingerprint(clamd) : null;
    await recordProcessing(upload, run, facts, scannedWith);
  } catch (error) {
    await recordFailure(uploadId, run, error, attempt.retryCount >= attempt.retryLimit);
    throw error;
  }
}
