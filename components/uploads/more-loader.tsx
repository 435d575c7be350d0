"use client";

import { useEffect, useRef } from "react";

interface Pages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isError: boolean;
  fetchNextPage: () => unknown;
}

/**
 * Loads the next page when the end of the list scrolls into view (IntersectionObserver), with a
 * Load more button for the keyboard (and when observing fails), and a status line that says what
 * is shown. A failed page is not retried by scrolling: the button tries again.
 */
export function MoreLoader({ pages, shown, what }: { pages: Pages; shown: number; what: string }) {
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, isError, fetchNextPage } = pages;

  useEffect(() => {
    const target = sentinel.current;
    if (!target || !hasNextPage || isFetchingNextPage || isError || typeof IntersectionObserver === "undefined") return;
    // Starts a screen early, so that scrolling rarely has to wait.
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && fetchNextPage(), { rootMargin: "0px 0px 100% 0px" });
    observer.observe(target);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, isError, fetchNextPage]);

  const status = isFetchingNextPage
    ? `Loading more ${what}…`
    : isError
      ? `More ${what} could not be loaded.`
      : hasNextPage
        ? `Showing ${shown.toLocaleString()} ${what}; more load as you scroll.`
        : `All ${shown.toLocaleString()} ${what} shown.`;
  return (
    <div className="more-loader" ref={sentinel}>
      <p role="status" className="muted more-loader__status">
        {status}
      </p>
      {hasNextPage && (
        <button type="button" className="button button--secondary" onClick={() => fetchNextPage()} disabled={isFetchingNextPage}>
          {isFetchingNextPage ? "Loading…" : isError ? "Try again" : "Load more"}
        </button>
      )}
    </div>
  );
}
