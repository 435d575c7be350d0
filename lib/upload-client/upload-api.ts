import type { UploadJson } from "../uploads/upload-json";

// The engine's view of the API: lib/api-client/uploads-api.ts implements it over HTTP, tests
// supply their own.
export interface SignedPut {
  url: string;
  headers: Record<string, string>;
  expiresAt: string;
}
export type UploadTicket = ({ upload: UploadJson; strategy: "single" } & SignedPut) | { upload: UploadJson; strategy: "multipart"; partSize: number; partCount: number };
export type SignedPart = SignedPut & { number: number };
export interface StoredPart {
  number: number;
  size: number;
  etag: string;
}

/** The Slipway API as the upload engine uses it; tests supply their own. */
export interface UploadApi {
  createUpload(input: { name: string; type: string; size: number; md5?: string; folder?: string }): Promise<UploadTicket>;
  signParts(id: string, parts: { number: number; md5?: string }[]): Promise<SignedPart[]>;
  listParts(id: string): Promise<StoredPart[]>;
  completeUpload(id: string): Promise<UploadJson>;
  /** Cancels an unfinished upload (DELETE), or deletes a finished one. */
  deleteUpload(id: string): Promise<void>;
  getUpload(id: string): Promise<UploadJson>;
}
