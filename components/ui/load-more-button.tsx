/** The part of a paged query the button needs; a TanStack infinite query passes as it is. */
interface NextPage {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/** Fetches a paged list's next page on request; it renders nothing once the last page is in. */
export function LoadMoreButton({ pages, label = "Load more" }: { pages: NextPage; label?: string }) {
  if (!pages.hasNextPage) return null;
  return (
    <button type="button" className="button button--secondary" onClick={() => pages.fetchNextPage()} disabled={pages.isFetchingNextPage}>
      {pages.isFetchingNextPage ? "Loading…" : label}
    </button>
  );
}
