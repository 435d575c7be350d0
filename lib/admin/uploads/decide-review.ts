import { recordAuditEvent } from "../../audit/record-audit-event";
import { db } from "../../db";
import { env } from "../../env";
import { HttpError } from "../../errors";
import type { Prisma } from "../../generated/prisma/client";
import type { RequestMeta } from "../../http";
import { scanPolicy } from "../../processing/scan-policy";
import { unavailable } from "../../uploads/find-own-upload";
import { processingGate, shareableProcessing } from "../../uploads/upload-status";
import type { ReviewDecision, ReviewInput } from "../../validations/admin-uploads";
import { lockActingAdmin } from "../lock-acting-admin";
import { findAdminUpload } from "./find-admin-upload";
import { objectLocation } from "./object-location";
import { type AdminUploadRow, serializeAdminUpload } from "./serialize-admin-upload";
import { settleObjectPlacement } from "../../uploads/settle-object-placement";

const PAST = { approve: "approved", reject: "rejected" } as const;

/**
 * The decision an admin already made on a file, if any. An automatic approval (admin or trusted
 * owner: no reviewer) and review NONE are no one's decision, so an admin may still take such a
 * file down; a rejection is always an admin's.
 */
function humanDecision(upload: AdminUploadRow): ReviewDecision | null {
  if (upload.review === "REJECTED") return "reject";
  return upload.review === "APPROVED" && upload.reviewerId !== null ? "approve" : null;
}

export function assertNoteGiven(input: { decision: ReviewDecision; note?: string }): void {
  if (input.decision === "reject" && !input.note) throw new HttpError({ code: "note_required", message: "Say why the file is rejected: its owner reads the note." });
}

function assertFinished(upload: AdminUploadRow): void {
  if (upload.status !== "COMPLETE") {
    throw new HttpError({ code: "upload_not_ready", message: `This upload is ${upload.status.toLowerCase()}: only finished files can be reviewed.` });
  }
}

function alreadyDecided(upload: AdminUploadRow, decision: ReviewDecision): HttpError {
  const reviewer = upload.reviewer && { id: upload.reviewer.id, name: upload.reviewer.name, email: upload.reviewer.email };
  const by = reviewer ? ` by ${reviewer.name}` : "";
  return new HttpError({ code: "already_decided", message: `This file was already ${PAST[decision]}${by}.`, details: { decision, reviewer } });
}

/** Approval waits for processing: 409 while the file is being scanned, could not be scanned, or is infected. */
function assertProcessed(upload: AdminUploadRow, decision: ReviewDecision): void {
  const gate = processingGate(upload, scanPolicy());
  if (decision === "approve" && gate !== "passed") throw unavailable(gate, "approved");
}

/** An approval's UPDATE also requires the processing verdict it was checked against (a re-scan may be running). */
function processedEnough(decision: ReviewDecision): Prisma.UploadWhereInput {
  if (decision === "reject") return {};
  const policy = scanPolicy();
  return policy.scanning ? { processing: { in: shareableProcessing(policy) }, scanSignature: null } : { NOT: { processing: "INFECTED" }, scanSignature: null };
}

/** The row as the caller saw it, for the conditional UPDATE: whoever changes it first wins. */
function unchangedSince(seen: AdminUploadRow): Prisma.UploadWhereInput {
  const base = { id: seen.id, status: "COMPLETE" as const, review: seen.review };
  if (seen.review === "APPROVED") return { ...base, reviewerId: null };
  if (seen.review === "REJECTED") return { ...base, quarantinedAt: { not: null } };
  return base;
}

const snapshot = (upload: Pick<AdminUploadRow, "key" | "review" | "reviewNote" | "quarantinedAt">) => ({
  review: upload.review,
  note: upload.reviewNote,
  location: objectLocation(upload),
});

/** Records the decision in one conditional UPDATE with its audit row; false when another decision got there first. */
async function record(adminId: string, seen: AdminUploadRow, { decision, note }: ReviewInput, meta: RequestMeta): Promise<boolean> {
  const now = new Date();
  const data = {
    review: decision === "approve" ? ("APPROVED" as const) : ("REJECTED" as const),
    reviewerId: adminId,
    reviewNote: note ?? null,
    reviewedAt: now,
    quarantinedAt: decision === "reject" && env.REJECT_ACTION === "quarantine" ? now : null,
  };
  return db.$transaction(async (tx) => {
    // The owner's row is locked too: the stored-totals trigger updates it, and taking both in id order avoids deadlocks.
    await lockActingAdmin(tx, adminId, [seen.ownerId]);
    const { count } = await tx.upload.updateMany({ where: { ...unchangedSince(seen), ...processedEnough(decision) }, data });
    if (count === 0) return false;
    const after = { ...seen, ...data };
    await recordAuditEvent(
      { actorId: adminId, action: `review.${decision}`, target: seen.id, data: { before: snapshot(seen), after: snapshot(after), etag: seen.etag }, meta },
      tx,
    );
    return true;
  });
}

/**
 * An admin's decision on a finished file. The row changes first, so a rejected file stops being
 * served at once, and in one conditional UPDATE, so of two admins deciding together exactly one
 * wins; the object then follows (quarantine/, deleted, or back from quarantine/). Deciding the
 * same again changes nothing but finishes a move that was interrupted; a different decision on a
 * decided file is 409 already_decided, except approving a quarantined file.
 */
export async function decideReview(adminId: string, uploadId: string, input: ReviewInput, meta: RequestMeta) {
  assertNoteGiven(input);
  const seen = await findAdminUpload(uploadId);
  assertFinished(seen);
  assertProcessed(seen, input.decision);
  const previous = humanDecision(seen);
  if (previous !== input.decision) {
    const restoresQuarantined = previous === "reject" && input.decision === "approve" && seen.quarantinedAt !== null;
    if (previous !== null && !restoresQuarantined) throw alreadyDecided(seen, previous);
    if (!(await record(adminId, seen, input, meta))) {
      // Someone decided in between: the same decision is their result, another one a conflict.
      const current = await findAdminUpload(uploadId);
      assertFinished(current);
      assertProcessed(current, input.decision);
      const theirs = humanDecision(current);
      if (theirs === null) throw new HttpError({ code: "conflict", message: "This file's review changed meanwhile. Reload it and decide again." });
      if (theirs !== input.decision) throw alreadyDecided(current, theirs);
    }
  }
  await settleObjectPlacement(uploadId);
  return { upload: serializeAdminUpload(await findAdminUpload(uploadId)) };
}
