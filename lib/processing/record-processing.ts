import "server-only";
import { settleReviewedObject } from "../admin/uploads/settle-reviewed-object";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import type { Upload } from "../generated/prisma/client";
import type { ProcessingState } from "../generated/prisma/enums";
import { deleteObject, putObject } from "../storage/objects";
import { thumbnailKey } from "../uploads/object-keys";
import type { ObjectFacts } from "./read-object-facts";

const VERDICT_STATE = { clean: "CLEAN", infected: "INFECTED", too_large_to_scan: "TOO_LARGE_TO_SCAN" } as const satisfies Record<string, ProcessingState>;

function finalState(facts: ObjectFacts): ProcessingState {
  return facts.scan ? VERDICT_STATE[facts.scan.verdict] : "OFF";
}

/**
 * Writes what one run found, only while the run is still the row's latest (a run given up for
 * dead never writes after its successor), with one audit row. An infected file's object moves
 * under quarantine/ at once; a file that was quarantined only for an earlier infected verdict
 * (not rejected by an admin) comes back when a re-scan finds it clean.
 */
export async function recordProcessing(upload: Upload, run: string, facts: ObjectFacts, scannedWith: string | null): Promise<void> {
  const state = finalState(facts);
  const thumbnail = facts.thumbnail && "webp" in facts.thumbnail ? facts.thumbnail : null;
  // Stored before the row points at it; a run that loses the race below leaves the same bytes.
  if (thumbnail && state !== "INFECTED") await putObject(thumbnailKey(upload.key), thumbnail.webp, "image/webp");
  const infected = facts.scan?.verdict === "infected" ? facts.scan.signature : null;
  const quarantinedAt = state === "INFECTED" ? (upload.quarantinedAt ?? new Date()) : upload.review === "REJECTED" ? upload.quarantinedAt : null;

  const recorded = await db.$transaction(async (tx) => {
    const { count } = await tx.upload.updateMany({
      where: { id: upload.id, processingRun: run, status: "COMPLETE" },
      data: {
        processing: state,
        processedAt: new Date(),
        processingError: facts.thumbnail && "error" in facts.thumbnail ? facts.thumbnail.error : null,
        sha256: facts.sha256,
        detectedType: facts.detectedType,
        typeMismatch: facts.typeMismatch,
        scanSignature: infected,
        scannedWith,
        width: thumbnail?.width ?? null,
        height: thumbnail?.height ?? null,
        thumbnailKey: thumbnail && state !== "INFECTED" ? thumbnailKey(upload.key) : null,
        quarantinedAt,
      },
    });
    if (count === 0) return false;
    const data = { state, sha256: facts.sha256, detectedType: facts.detectedType, typeMismatch: facts.typeMismatch, signature: infected };
    await recordAuditEvent({ actorId: null, action: "processing.complete", target: upload.id, data }, tx);
    if (infected) await recordAuditEvent({ actorId: null, action: "processing.infected", target: upload.id, data: { signature: infected, etag: upload.etag } }, tx);
    return true;
  });
  if (!recorded) {
    // Deleted while this run read it: the thumbnail stored above must not outlive the file.
    const row = await db.upload.findUnique({ where: { id: upload.id }, select: { status: true } });
    if (thumbnail && row?.status !== "COMPLETE") await deleteObject(thumbnailKey(upload.key));
    return;
  }
  if ((quarantinedAt === null) !== (upload.quarantinedAt === null)) await settleReviewedObject(upload.id);
  if (state === "INFECTED" && upload.thumbnailKey) await deleteObject(upload.thumbnailKey);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A failed attempt: back to queued with the reason while attempts remain, failed after the last. */
export async function recordFailure(uploadId: string, run: string, error: unknown, last: boolean): Promise<void> {
  const reason = describe(error);
  await db.$transaction(async (tx) => {
    const { count } = await tx.upload.updateMany({
      where: { id: uploadId, processingRun: run },
      data: { processing: last ? "FAILED" : "QUEUED", processingError: last ? `Processing failed: ${reason}` : `An attempt failed and will be retried: ${reason}` },
    });
    if (count === 1 && last) await recordAuditEvent({ actorId: null, action: "processing.failed", target: uploadId, data: { reason } }, tx);
  });
}
