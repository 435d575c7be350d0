import type { ErrorCode } from "../error-codes";
import type { ProcessingState, ReviewState, Role } from "../generated/prisma/enums";
import type { UploadJson } from "../uploads/upload-json";
import { call, post } from "./call";

// The shapes of docs/api.md "Admin API", as the admin pages read them.

export interface Person {
  id: string;
  email: string;
  name: string;
}

export type AdminUploadJson = UploadJson & { owner: Person; reviewer: Person | null; quarantined: boolean };

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type ReviewFilter = "pending" | "approved" | "rejected" | "none" | "all";
export type Decision = "approve" | "reject";

export interface UploadFilters {
  review?: ReviewFilter;
  owner?: string;
  type?: string;
  q?: string;
  minSize?: number;
  maxSize?: number;
  from?: string;
  to?: string;
}

/** One item of a bulk decision: `ok`, or the status and code that item was refused with. */
export interface BulkResult {
  id: string;
  status: "ok" | number;
  code?: ErrorCode;
}

export interface AdminUserJson {
  id: string;
  email: string;
  name: string;
  role: Role;
  trusted: boolean;
  disabled: boolean;
  quotaBytes: number;
  usedBytes: number;
  files: number;
  lastActiveAt: string | null;
  createdAt: string;
}

export interface UserPatch {
  role?: Role;
  trusted?: boolean;
  disabled?: boolean;
  quotaBytes?: number;
}

export interface DailyStat {
  day: string;
  uploads: number;
  bytes: number;
}

export interface TopUploader extends Person {
  bytes: number;
  files: number;
}

/** A processing job that failed every attempt, with the error pg-boss kept. */
export interface DeadJob {
  id: string;
  uploadId: string | null;
  error: string | null;
  failedAt: string | null;
}

export interface ProcessingStatsJson {
  /** Whether clamd answers; "off" when none is configured. */
  scanner: "ok" | "down" | "off";
  /** Files per processing state; clean files are not counted. */
  byState: Partial<Record<ProcessingState, number>>;
  jobs: { queued: number; active: number; failed: number };
  deadJobs: DeadJob[];
}

export interface StatsJson {
  bytes: number;
  objects: number;
  users: number;
  byStatus: Record<string, number>;
  byReview: Partial<Record<ReviewState, number>>;
  incompleteMultipart: { count: number; more: boolean };
  processing: ProcessingStatsJson;
  daily: DailyStat[];
  topUploaders: TopUploader[];
}

export interface AuditEventJson {
  id: string;
  createdAt: string;
  /** Email and name are null once the actor's account is gone. */
  actor: { id: string; email: string | null; name: string | null } | null;
  action: string;
  target: string | null;
  ip: string | null;
  userAgent: string | null;
  data: unknown;
}

export interface AuditFilters {
  actor?: string;
  action?: string;
  target?: string;
  from?: string;
  to?: string;
}

/** A query string of the values that are set (empty strings and undefined are left out). */
export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== "") search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}

const patch = <T>(path: string, body: unknown) => call<T>(path, { method: "PATCH", body: JSON.stringify(body) });

export const adminApi = {
  listUploads: (filters: UploadFilters, cursor?: string) => call<Page<AdminUploadJson>>(`/api/admin/uploads${queryString({ ...filters, cursor })}`),
  getUpload: async (id: string) => (await call<{ upload: AdminUploadJson }>(`/api/admin/uploads/${id}`)).upload,
  /** Answers with a redirect to a short-lived inline GET, so it works as an img/video/audio source. */
  previewUrl: (id: string) => `/api/admin/uploads/${id}/preview`,
  readText: (id: string) => call<{ text: string; truncated: boolean }>(`/api/admin/uploads/${id}/text`),
  decide: async (id: string, decision: Decision, note?: string) => (await post<{ upload: AdminUploadJson }>(`/api/admin/uploads/${id}/review`, { decision, note })).upload,
  /** Queues the file for processing again; the answer shows it queued. */
  rescan: async (id: string) => (await post<{ upload: AdminUploadJson }>(`/api/admin/uploads/${id}/rescan`)).upload,
  /** Queues every finished file again (a job walks them). */
  rescanAll: () => post<{ queued: true }>("/api/admin/uploads/rescan"),
  decideMany: async (ids: string[], decision: Decision, note?: string) => (await post<{ results: BulkResult[] }>("/api/admin/uploads/review", { ids, decision, note })).results,

  listUsers: (q: string, cursor?: string) => call<Page<AdminUserJson> & { defaultQuotaBytes: number }>(`/api/admin/users${queryString({ q, cursor })}`),
  getUser: async (id: string) => (await call<{ user: AdminUserJson }>(`/api/admin/users/${id}`)).user,
  updateUser: async (id: string, changes: UserPatch) => (await patch<{ user: AdminUserJson }>(`/api/admin/users/${id}`, changes)).user,
  resetPassword: async (id: string) => (await post<{ password: string }>(`/api/admin/users/${id}/password`)).password,

  stats: () => call<StatsJson>("/api/admin/stats"),

  listAudit: (filters: AuditFilters, cursor?: string) => call<Page<AuditEventJson>>(`/api/admin/audit${queryString({ ...filters, cursor })}`),
  /** Every matching row as a file download (the browser follows the link; nothing is read here). */
  auditExportUrl: (filters: AuditFilters, format: "csv" | "ndjson") => `/api/admin/audit${queryString({ ...filters, format })}`,
};
