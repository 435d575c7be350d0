import "server-only";
import { settleObjectPlacement } from "../uploads/settle-object-placement";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import type { Upload } from "../generated/prisma/client";
import type { ProcessingState } from "../generated/prisma/enums";
import { deleteObject, putObject } from "../storage/objects";
import { thumbnailKey } from "../uploads/object-keys";
import type { ObjectFacts } from "./read-object-facts";

const VERDICT_STATE = { clean: "CLEAN", infected: "INFECTED", too_large_to_scan: "TOO_LARGE_TO_SCAN", unscannable: "FAILED" } as const satisfies Record<string, ProcessingState>;

/** What the owner and admins read about a run that ended without a full verdict or without its thumbnail. */
function problem(facts: ObjectFacts): string | null {
  if (facts.scan?.verdict === "unscannable") return `clamd could not scan all of it (${facts.scan.reason}): it is treated as not scanned`;
  return facts.thumbnail && "error" in facts.thumbnail ? facts.thumbnail.error : null;
}

type Current = Pick<Upload, "status" | "review" | "quarantinedAt" | "processingRun">;

/**
 * Where the object belongs after this verdict, judged on the row as it is now: a rejection keeps
 * whatever the admin's decision made of it; otherwise quarantined while infected, back when not.
 */
function quarantine(state: ProcessingState, row: Current): Date | null {
  if (row.review === "REJECTED") return row.quarantinedAt;
  return state === "INFECTED" ? (row.quarantinedAt ?? new Date()) : null;
}

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

  // The row is locked and read again: an admin may have rejected or approved the file meanwhile.
  const recorded = await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<Current[]>`
      SELECT "status", "review", "quarantinedAt", "processingRun" FROM "Upload" WHERE "id" = ${upload.id} FOR UPDATE`;
    if (row?.status !== "COMPLETE" || row.processingRun !== run) return null;
    const quarantinedAt = quarantine(state, row);
    await tx.upload.update({
      where: { id: upload.id },
      data: {
        processing: state,
        processedAt: new Date(),
        processingError: problem(facts),
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
    const data = { state, sha256: facts.sha256, detectedType: facts.detectedType, typeMismatch: facts.typeMismatch, signature: infected };
    await recordAuditEvent({ actorId: null, action: "processing.complete", target: upload.id, data }, tx);
    if (infected) await recordAuditEvent({ actorId: null, action: "processing.infected", target: upload.id, data: { signature: infected, etag: upload.etag } }, tx);
    return { moved: (quarantinedAt === null) !== (row.quarantinedAt === null) };
  });
  if (recorded === null) {
    // Deleted while this run read it: the thumbnail stored above must not outlive the file.
    const row = await db.upload.findUnique({ where: { id: upload.id }, select: { status: true } });
    if (thumbnail && row?.status !== "COMPLETE") await deleteObject(thumbnailKey(upload.key));
    return;
  }
  if (recorded.moved) await settleObjectPlacement(upload.id);
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
      data: {
        processing: last ? "FAILED" : "QUEUED",
        processingQueuedAt: new Date(),
        processingError: last ? `Processing failed: ${reason}` : `An attempt failed and will be retried: ${reason}`,
      },
    });
    if (count === 1 && last) await recordAuditEvent({ actorId: null, action: "processing.failed", target: uploadId, data: { reason } }, tx);
  });
}
