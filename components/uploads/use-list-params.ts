"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import type { ListQuery } from "@/lib/api-client/dashboard-api";
import { STATUS_GROUPS, TYPE_GROUPS, type StatusGroup, type TypeGroup } from "@/lib/uploads/upload-groups";
import { DEFAULT_ORDER, LIST_SORTS, type ListOrder, type ListSort } from "@/lib/validations/upload";

/** What the dashboard shows, kept in the page's address so that back, forward and reload keep it. */
export interface ListParams {
  /** The open folder's path; null at the top. */
  folder: string | null;
  q: string;
  sort: ListSort;
  order: ListOrder;
  status: StatusGroup | null;
  type: TypeGroup | null;
  received: boolean | null;
}

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null => (values.includes(value as T) ? (value as T) : null);

function read(search: URLSearchParams): ListParams {
  const sort = oneOf(LIST_SORTS, search.get("sort")) ?? "date";
  const received = search.get("received");
  return {
    folder: search.get("folder") || null,
    q: search.get("q") ?? "",
    sort,
    order: oneOf(["asc", "desc"] as const, search.get("order")) ?? DEFAULT_ORDER[sort],
    status: oneOf(STATUS_GROUPS, search.get("status")),
    type: oneOf(TYPE_GROUPS, search.get("type")),
    received: received === "true" ? true : received === "false" ? false : null,
  };
}

/** The address of the dashboard showing `params` (defaults left out, so addresses stay short). */
export function listHref(pathname: string, params: ListParams): string {
  const search = new URLSearchParams();
  if (params.folder) search.set("folder", params.folder);
  if (params.q) search.set("q", params.q);
  if (params.sort !== "date") search.set("sort", params.sort);
  if (params.order !== DEFAULT_ORDER[params.sort]) search.set("order", params.order);
  if (params.status) search.set("status", params.status);
  if (params.type) search.set("type", params.type);
  if (params.received !== null) search.set("received", String(params.received));
  return search.size ? `${pathname}?${search}` : pathname;
}

/** Whether the list is a search (every folder, flat) rather than one folder's contents. */
export const isSearch = (params: ListParams) => Boolean(params.q || params.status || params.type || params.received !== null);

/** The API query for the files shown: a search looks in every folder; browsing shows one folder's files. */
export function filesQuery(params: ListParams): ListQuery {
  const { sort, order } = params;
  if (!isSearch(params)) return { sort, order, folder: params.folder ?? "/" };
  return { sort, order, q: params.q || undefined, status: params.status ?? undefined, type: params.type ?? undefined, received: params.received ?? undefined };
}

/** The list's parameters from the address, and navigation to other ones (a history entry each). */
export function useListParams() {
  const router = useRouter();
  const pathname = usePathname();
  const params = read(useSearchParams());
  return {
    params,
    href: (change: Partial<ListParams>) => listHref(pathname, { ...params, ...change }),
    go: (change: Partial<ListParams>) => router.push(listHref(pathname, { ...params, ...change }), { scroll: false }),
  };
}
