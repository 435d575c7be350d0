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
    error: upload.processingError,
    processedAt: upload.processedAt?.toISOString() ?? null,
  };
}
