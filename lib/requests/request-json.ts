// The upload request JSON of the API, as the browser sees it. Type-only and free of server
// imports, so the request pages and the guest's upload client can name it.
import type { UploadJson } from "../uploads/upload-json";
import type { SignedPut } from "../upload-client/upload-api";

export type RequestStatus = "active" | "expired" | "revoked";

/** The owner's view of one of their upload requests (never the token: `url` only in the answer that created it). */
export interface UploadRequestJson {
  id: string;
  label: string;
  message: string | null;
  url: string | null;
  expiresAt: string;
  maxFiles: number | null;
  maxFileBytes: number | null;
  maxTotalBytes: number | null;
  allowedTypes: string[];
  hasPassword: boolean;
  askName: boolean;
  askEmail: boolean;
  revokedAt: string | null;
  createdAt: string;
  status: RequestStatus;
  /** Finished files that came through the request (deleted ones no longer count). */
  received: { files: number; bytes: number; lastAt: string | null };
  /** Slots guests opened and may still finish. */
  inProgress: { files: number; bytes: number };
}

/** What a guest sees of a request they hold the link of (GET /api/r/:token). */
export interface PublicRequestJson {
  label: string;
  message: string | null;
  ownerName: string;
  expiresAt: string;
  maxFiles: number | null;
  maxFileBytes: number | null;
  maxTotalBytes: number | null;
  allowedTypes: string[];
  askName: boolean;
  askEmail: boolean;
  needsPassword: boolean;
  /** Room left under the request's own limits (null: no limit); the owner's storage is not said. */
  remaining: { files: number | null; bytes: number | null };
}

/** POST /api/r/:token/uploads: the answer of POST /api/uploads, plus the key the guest sends as X-Upload-Key. */
export type GuestTicket = { uploadKey: string } & (
  ({ upload: UploadJson; strategy: "single" } & SignedPut) | { upload: UploadJson; strategy: "multipart"; partSize: number; partCount: number }
);
