import type { ProcessingState } from "../generated/prisma/enums";
import type { Upload } from "../generated/prisma/client";
import type { ProcessingJson, ProcessingStateJson } from "../uploads/upload-json";

const STATE: Record<ProcessingState, ProcessingStateJson> = {
  QUEUED: "queued",
  RUNNING: "running",
  CLEAN: "clean",
  INFECTED: "infected",
  FAILED: "failed",
  TOO_LARGE_TO_SCAN: "too_large_to_scan",
  OFF: "off",
};

/** The states a processing job ends in, which are also the scan's verdict. */
const VERDICTS: ProcessingState[] = ["CLEAN", "INFECTED", "FAILED", "TOO_LARGE_TO_SCAN", "OFF"];

type Processed = Pick<
  Upload,
  "status" | "processing" | "sha256" | "detectedType" | "typeMismatch" | "scanSignature" | "width" | "height" | "thumbnailKey" | "processingError" | "processedAt"
>;

/**
 * An attempt's failure names what broke (clamd's address, a storage error): an operator's detail,
 * which the admin's view shows as it is. The owner (and a guest) gets what it means for the file.
 */
function ownerFacingError(upload: Processed, state: ProcessingState): string | null {
  if (!upload.processingError) return null;
  if (state === "FAILED") return "The checks could not be run on this file. An administrator can start them again.";
  if (state === "QUEUED" || state === "RUNNING") return "A check did not finish; it will be tried again shortly.";
  return upload.processingError; // a note on the finished result (not all of it scanned, no thumbnail), about the file
}

/**
 * The `processing` block of upload JSON (docs/api.md "Processing"); null until the upload is
 * finished. A finished file from before processing existed has no state yet: it is queued.
 */
export function serializeProcessing(upload: Processed, thumbnailUrl: string): ProcessingJson | null {
  if (upload.status !== "COMPLETE") return null;
  const state = upload.processing ?? "QUEUED";
  return {
    state: STATE[state],
    sha256: upload.sha256,
    detectedType: upload.detectedType,
    typeMismatch: upload.typeMismatch,
    scan: { verdict: VERDICTS.includes(state) ? STATE[state] : null, signature: upload.scanSignature },
    width: upload.width,
    height: upload.height,
    thumbnailUrl: upload.thumbnailKey ? thumbnailUrl : null,
    error: ownerFacingError(upload, state),
    processedAt: upload.processedAt?.toISOString() ?? null,
  };
}
