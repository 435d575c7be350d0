import type { SignedPart, StoredPart, UploadApi } from "../upload-client/upload-api";
import type { UploadJson } from "../uploads/upload-json";
import { call, post } from "./call";

/** Uploads over the JSON API: what the engine needs (the dashboard's reads are in dashboard-api.ts). */
export const uploadsApi: UploadApi = {
  createUpload: (input) => post("/api/uploads", input),
  signParts: async (id, parts) => (await post<{ parts: SignedPart[] }>(`/api/uploads/${id}/parts`, { parts })).parts,
  listParts: async (id) => (await call<{ parts: StoredPart[] }>(`/api/uploads/${id}/parts`)).parts,
  completeUpload: async (id) => (await post<{ upload: UploadJson }>(`/api/uploads/${id}/complete`)).upload,
  deleteUpload: (id) => call<void>(`/api/uploads/${id}`, { method: "DELETE" }),
  getUpload: async (id) => (await call<{ upload: UploadJson }>(`/api/uploads/${id}`)).upload,
};
