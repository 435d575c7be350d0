import type { UploadRequestJson } from "../requests/request-json";
import type { CreateRequestInput } from "../validations/request";
import { call, post } from "./call";

export const requestsApi = {
  list: (cursor?: string) => call<{ items: UploadRequestJson[]; nextCursor: string | null }>(`/api/requests${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`),
  create: (input: CreateRequestInput) => post<{ request: UploadRequestJson; url: string }>("/api/requests", input),
  revoke: (id: string) => call<void>(`/api/requests/${encodeURIComponent(id)}`, { method: "DELETE" }),
};
