import { type ErrorBody, type ErrorCode, isErrorCode } from "../error-codes";
import type { UploadJson } from "../uploads/serialize-upload";

/**
 * An error answered by the Slipway API, with its stable code; "network" when fetch itself
 * failed (status 0), "http_error" when the answer was not the API's error JSON (a proxy's page).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | "network" | "http_error",
    message: string,
    readonly details?: unknown,
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

export async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { Accept: "application/json", ...(init.body ? { "Content-Type": "application/json" } : {}), ...init.headers },
    });
  } catch {
    throw new ApiError(0, "network", "The network connection was lost.");
  }
  if (!response.ok) throw await refusal(response);
  if (response.status === 204) return undefined as T;
  return (await response.json().catch(() => null)) as T;
}

/** The ApiError a refused response stands for; `fallback` is the message when it carries none. */
export async function refusal(response: Response, fallback = `The server answered ${response.status}.`): Promise<ApiError> {
  const error = ((await response.json().catch(() => null)) as Partial<ErrorBody> | null)?.error;
  const retryAfter = Number(response.headers.get("Retry-After")) || undefined;
  const code = isErrorCode(error?.code) ? error.code : "http_error";
  return new ApiError(response.status, code, error?.message ?? fallback, error?.details, retryAfter);
}

export const post = <T>(path: string, body?: unknown) => call<T>(path, { method: "POST", body: body === undefined ? undefined : JSON.stringify(body) });

export interface SignedPut {
  url: string;
  headers: Record<string, string>;
  expiresAt: string;
}
export type UploadTicket =
  | ({ upload: UploadJson; strategy: "single" } & SignedPut)
  | { upload: UploadJson; strategy: "multipart"; partSize: number; partCount: number };
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

export const api: UploadApi & { listUploads(cursor?: string): Promise<{ items: UploadJson[]; nextCursor: string | null }> } = {
  createUpload: (input) => post("/api/uploads", input),
  signParts: async (id, parts) => (await post<{ parts: SignedPart[] }>(`/api/uploads/${id}/parts`, { parts })).parts,
  listParts: async (id) => (await call<{ parts: StoredPart[] }>(`/api/uploads/${id}/parts`)).parts,
  completeUpload: async (id) => (await post<{ upload: UploadJson }>(`/api/uploads/${id}/complete`)).upload,
  deleteUpload: (id) => call<void>(`/api/uploads/${id}`, { method: "DELETE" }),
  getUpload: async (id) => (await call<{ upload: UploadJson }>(`/api/uploads/${id}`)).upload,
  listUploads: (cursor) => call(`/api/uploads${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`),
};
