// The upload JSON of the API, as the browser sees it. Type-only and free of server imports, so the
// dashboard and the upload engine can name it; the serializers are typed against it.
import type { UploadStrategy, UploadStatus, ReviewState } from "../generated/prisma/enums";
import type { UploadAvailability } from "./upload-status";

export type ProcessingStateJson = "queued" | "running" | "clean" | "infected" | "failed" | "too_large_to_scan" | "off";

export interface ProcessingJson {
  state: ProcessingStateJson;
  sha256: string | null;
  detectedType: string | null;
  typeMismatch: boolean;
  scan: { verdict: ProcessingStateJson | null; signature: string | null };
  width: number | null;
  height: number | null;
  thumbnailUrl: string | null;
  error: string | null;
  processedAt: string | null;
}

/** How a file reached its owner when a guest sent it through one of the owner's upload requests. */
export interface ReceivedViaJson {
  requestId: string;
  label: string;
  guestName: string | null;
  guestEmail: string | null;
}

export interface UploadJson {
  id: string;
  name: string;
  folder: string | null;
  contentType: string;
  size: number;
  strategy: UploadStrategy;
  partSize: number | null;
  partCount: number | null;
  status: UploadStatus;
  review: ReviewState;
  reviewNote: string | null;
  reviewedAt: string | null;
  etag: string | null;
  availability: UploadAvailability;
  processing: ProcessingJson | null;
  receivedVia: ReceivedViaJson | null;
  createdAt: string;
  expiresAt: string;
  completedAt: string | null;
}
