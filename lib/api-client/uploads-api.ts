import type { SignedPart, StoredPart, UploadApi } from "../upload-client/upload-api";
import type { UploadJson } from "../uploads/upload-json";
import { call, post } from "./call";

/** Uploads over the JSON API: what the engine needs, and the dashboard's list. */
export const uploadsApi: UploadApi & { listUploads(cursor?: string): Promise<{ items: UploadJson[]; nextCursor: string | null }> } = {
  createUpload: (input) => post("/api/uploads", input),
  signParts: async (id, parts) => (await post<{ parts: SignedPart[] }>(`/api/uploads/${id}/parts`, { parts })).parts,
  listParts: async (id) => (await call<{ parts: StoredPart[] }>(`/api/uploads/${id}/parts`)).parts,
  completeUpload: async (id) => (await post<{ upload: UploadJson }>(`/api/uploads/${id}/complete`)).upload,
  deleteUpload: (id) => call<void>(`/api/uploads/${id}`, { method: "DELETE" }),
  getUpload: async (id) => (await call<{ upload: UploadJson }>(`/api/uploads/${id}`)).upload,
  listUploads: (cursor) => call(`/api/uploads${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`),
};
