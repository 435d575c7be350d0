import type { UploadJson } from "../uploads/serialize-upload";

/** An error answered by the Slipway API, with its stable code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, {
    ...init,
    headers: { Accept: "application/json", ...(init.body ? { "Content-Type": "application/json" } : {}), ...init.headers },
  });
  if (response.status === 204) return undefined as T;
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = body?.error;
    throw new ApiError(response.status, error?.code ?? "http_error", error?.message ?? `The server answered ${response.status}.`);
  }
  return body as T;
}

export interface SingleUploadTicket {
  upload: UploadJson;
  strategy: "single";
  url: string;
  headers: Record<string, string>;
  expiresAt: string;
}

export const api = {
  createUpload: (input: { name: string; type: string; size: number; md5?: string }) =>
    call<SingleUploadTicket>("/api/uploads", { method: "POST", body: JSON.stringify(input) }),
  completeUpload: (id: string) => call<{ upload: UploadJson }>(`/api/uploads/${id}/complete`, { method: "POST" }),
  deleteUpload: (id: string) => call<void>(`/api/uploads/${id}`, { method: "DELETE" }),
  listUploads: (cursor?: string) =>
    call<{ items: UploadJson[]; nextCursor: string | null }>(`/api/uploads${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`),
};
