"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { dashboardApi } from "@/lib/api-client/dashboard-api";

/** Where the time of the last received file the user has seen is kept, per account. */
const seenKey = (userId: string) => `slipway:received-seen:${userId}`;
/** For a user who had received nothing when they first looked: everything after is new. */
const EVER = "1970-01-01T00:00:00.000Z";

const stored = (userId: string) => (typeof window === "undefined" ? undefined : localStorage.getItem(seenKey(userId)));

/**
 * The quota meter's figures and the files received through request links since the user last
 * looked, read every 10 s and whenever the window gets focus. The first look ever counts what came
 * before as seen. New files refresh the list; dismissing the notice marks them seen (the server's
 * time of the latest one is kept, so the browser's clock plays no part).
 */
export function useUsage(userId: string) {
  const queryClient = useQueryClient();
  const [seen, setSeen] = useState<string | null | undefined>(() => stored(userId));
  const usage = useQuery({
    // Under "uploads": whatever reads the file list again (an upload finished, files deleted) reads this too.
    queryKey: ["uploads", "usage", seen ?? null],
    queryFn: () => dashboardApi.readUsage(seen ?? undefined),
    enabled: seen !== undefined,
    refetchInterval: 10_000,
    refetchOnWindowFocus: "always",
  });
  const received = usage.data?.received;
  const remember = (at: string) => {
    localStorage.setItem(seenKey(userId), at);
    setSeen(at);
  };

  // Adjusted while rendering, as React advises for state that follows a value: no extra pass.
  if (seen === null && received) remember(received.lastAt ?? EVER);

  // TanStack Query refetches when the tab becomes visible again; coming back from another window
  // leaves the tab visible, so the window's own focus counts too.
  const { refetch } = usage;
  useEffect(() => {
    const onFocus = () => void refetch();
    window.addEventListener("focus", onFocus);
    return () => window.removeEventListener("focus", onFocus);
  }, [refetch]);

  const news = seen && received && received.files > 0 ? received : null;
  const latest = news?.lastAt;
  useEffect(() => {
    if (latest) void queryClient.invalidateQueries({ queryKey: ["uploads"] });
  }, [latest, queryClient]);

  return { usage, news, dismiss: () => latest && remember(latest) };
}
