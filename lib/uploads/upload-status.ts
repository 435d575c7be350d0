// Type-only imports: the browser upload engine and the dashboard use these rules too.
import type { ProcessingState, ReviewState, UploadStatus } from "../generated/prisma/enums";

/**
 * A slot still waiting for its bytes: it can take parts, be completed, expire or be cancelled.
 * A plain mutable list because Prisma's `status: { in }` takes no readonly array.
 */
export const OPEN_STATUSES: UploadStatus[] = ["PENDING", "UPLOADING"];

export function isOpen(upload: { status: UploadStatus }): boolean {
  return OPEN_STATUSES.includes(upload.status);
}

/** Review states whose files may be shared: never reviewed (review off) or approved. */
export const SHAREABLE_REVIEWS: ReviewState[] = ["NONE", "APPROVED"];

/** How the server is set up to scan: whether clamd is configured, and whether a failed scan lets a file through. */
export interface ScanPolicy {
  scanning: boolean;
  failOpen: boolean;
}

/**
 * Processing states that let a file be shared (and approved) while scanning is on. OFF (processed
 * before scanning was configured) and a missing state wait for a scan; too large to scan is an
 * honest verdict shown to everyone, not a failure.
 */
export function shareableProcessing(policy: ScanPolicy): ProcessingState[] {
  return policy.failOpen ? ["CLEAN", "TOO_LARGE_TO_SCAN", "FAILED"] : ["CLEAN", "TOO_LARGE_TO_SCAN"];
}

export type ProcessingGate = "passed" | "processing" | "scan_failed" | "infected";

/** The processing facts the gate reads: the state, and the signature of the last infected verdict. */
export interface ProcessingFacts {
  processing: ProcessingState | null;
  scanSignature: string | null;
}

/**
 * What processing says about letting anyone but the owner have the file. Infected blocks whatever
 * the policy, and stays infected while a re-scan is queued or running: only a finished scan
 * without a signature clears it.
 */
export function processingGate({ processing, scanSignature }: ProcessingFacts, policy: ScanPolicy): ProcessingGate {
  if (processing === "INFECTED" || scanSignature !== null) return "infected";
  if (!policy.scanning || (processing && shareableProcessing(policy).includes(processing))) return "passed";
  return processing === "FAILED" ? "scan_failed" : "processing";
}

export type UploadAvailability = "available" | "not_ready" | "rejected" | "infected" | "pending_review" | "processing" | "scan_failed";

/**
 * Whether a file may be shared: only once finished, when review let it through (never reviewed,
 * or approved) and processing passed it. Its owner may also download it while it waits for review
 * or processing, but not once rejected or found infected. The SQL twin of the sharing rule is in
 * lib/links/count-download.ts.
 */
export function uploadAvailability(upload: { status: UploadStatus; review: ReviewState } & ProcessingFacts, policy: ScanPolicy): UploadAvailability {
  if (upload.status !== "COMPLETE") return "not_ready";
  if (upload.review === "REJECTED") return "rejected";
  const gate = processingGate(upload, policy);
  if (gate === "infected") return "infected";
  if (upload.review === "PENDING") return "pending_review";
  return gate === "passed" ? "available" : gate;
}

/** Availabilities in which the owner may still download their own file. */
export const OWNER_DOWNLOADABLE: UploadAvailability[] = ["available", "pending_review", "processing", "scan_failed"];
