import type { InfiniteData, QueryClient, QueryKey } from "@tanstack/react-query";
import type { AdminUploadJson, Page } from "@/lib/api-client/admin-api";

/**
 * Changes listed files in place (a decision, a re-scan, a fresher read) rather than refetching
 * the queue, which would drop decided files from a pending list under the admin's eyes.
 */
export function patchListedUploads(queryClient: QueryClient, queryKey: QueryKey, ids: string[], change: (upload: AdminUploadJson) => AdminUploadJson): void {
  queryClient.setQueryData<InfiniteData<Page<AdminUploadJson>>>(queryKey, (data) =>
    data ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map((item) => (ids.includes(item.id) ? change(item) : item)) })) } : data,
  );
}
