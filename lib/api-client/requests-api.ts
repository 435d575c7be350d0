import { call, post } from "./call";

/** One of the signed-in user's upload requests (docs/api.md "Upload requests"). */
export interface RequestJson {
  id: string;
  label: string;
  message: string | null;
  /** Always null in lists: the address is shown once, when the request is made. */
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
  status: "active" | "expired" | "revoked";
  received: { files: number; bytes: number; lastAt: string | null };
  inProgress: { files: number; bytes: number };
}

export interface CreateRequestInput {
  label: string;
  message?: string;
  expiresInSeconds: number;
  maxFiles?: number;
  maxFileBytes?: number;
  maxTotalBytes?: number;
  allowedTypes?: string[];
  password?: string;
  askName?: boolean;
  askEmail?: boolean;
}

export const requestsApi = {
  list: (cursor?: string) => call<{ items: RequestJson[]; nextCursor: string | null }>(`/api/requests${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`),
  create: (input: CreateRequestInput) => post<{ request: RequestJson; url: string }>("/api/requests", input),
  revoke: (id: string) => call<void>(`/api/requests/${encodeURIComponent(id)}`, { method: "DELETE" }),
};
