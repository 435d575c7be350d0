import { useInfiniteQuery, type QueryKey } from "@tanstack/react-query";

interface CursorPage {
  items: unknown[];
  nextCursor: string | null;
}

/**
 * A list the API serves in keyset pages (each page names the cursor of the next, null on the last),
 * with the items of every page fetched so far as one array.
 */
export function useCursorPages<P extends CursorPage>(queryKey: QueryKey, fetchPage: (cursor?: string) => Promise<P>, options: { refetchOnWindowFocus?: boolean } = {}) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    ...options,
  });
  const items: Array<P["items"][number]> = query.data?.pages.flatMap((page) => page.items) ?? [];
  return { query, items };
}
