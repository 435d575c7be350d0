import { useInfiniteQuery, type QueryKey } from "@tanstack/react-query";

interface CursorPage {
  items: unknown[];
  nextCursor: string | null;
}

interface Options<P> {
  refetchOnWindowFocus?: boolean;
  /** How long to wait before reading every page again, decided from the pages fetched so far; false: not at all. */
  refetchInterval?: (pages: P[]) => number | false;
}

/**
 * A list the API serves in keyset pages (each page names the cursor of the next, null on the last),
 * with the items of every page fetched so far as one array.
 */
export function useCursorPages<P extends CursorPage>(queryKey: QueryKey, fetchPage: (cursor?: string) => Promise<P>, { refetchInterval, ...options }: Options<P> = {}) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: refetchInterval && ((current) => refetchInterval(current.state.data?.pages ?? [])),
    ...options,
  });
  const items: Array<P["items"][number]> = query.data?.pages.flatMap((page) => page.items) ?? [];
  return { query, items };
}
