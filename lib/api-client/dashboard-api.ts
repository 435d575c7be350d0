import type { DeleteResultJson, FolderJson, UsageJson } from "../uploads/dashboard-json";
import type { StatusGroup, TypeGroup } from "../uploads/upload-groups";
import type { UploadJson } from "../uploads/upload-json";
import type { ListOrder, ListSort } from "../validations/upload";
import { call, post } from "./call";

/** The list's query, as GET /api/uploads takes it; unset fields are not sent. */
export interface ListQuery {
  q?: string;
  sort?: ListSort;
  order?: ListOrder;
  status?: StatusGroup;
  type?: TypeGroup;
  received?: boolean;
  /** A folder's path, or "/" for the files outside any folder. */
  folder?: string;
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const search = (fields: Record<string, string | boolean | undefined>) => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) params.set(name, String(value));
  return params.size ? `?${params}` : "";
};

/** The dashboard's reads and its bulk delete. */
export const dashboardApi = {
  listUploads: (query: ListQuery, cursor?: string) => call<Page<UploadJson>>(`/api/uploads${search({ ...query, cursor })}`),
  listFolders: (parent: string | undefined, cursor?: string) => call<Page<FolderJson>>(`/api/uploads/folders${search({ parent, cursor })}`),
  deleteUploads: async (ids: string[]) => (await post<{ results: DeleteResultJson[] }>("/api/uploads/delete", { ids })).results,
  readUsage: (receivedSince?: string) => call<UsageJson>(`/api/account/usage${search({ receivedSince })}`),
};
