"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { uploadsApi } from "@/lib/api-client/uploads-api";
import { indexedDbResumeStore } from "@/lib/upload-client/indexeddb-resume-store";
import { xhrTransport } from "@/lib/upload-client/put-object";
import { UploadEngine } from "@/lib/upload-client/upload-engine";
import type { TaskView } from "@/lib/upload-client/upload-task";
import { workerMd5 } from "@/lib/upload-client/worker-md5";

const EMPTY: TaskView[] = [];

/**
 * Diagnostic switches for benchmarks, read from the page URL: `?md5=off` sends parts without
 * Content-MD5, `?concurrency=N` changes how many requests run at once (default 6).
 */
function tuning() {
  const params = new URLSearchParams(typeof window === "undefined" ? "" : window.location.search); // also rendered on the server
  const concurrency = Number(params.get("concurrency"));
  return { md5: params.get("md5") !== "off", concurrency: concurrency >= 1 && concurrency <= 32 ? concurrency : undefined };
}

/** One upload engine for the page, its tasks as React state, and the file list kept fresh. */
export function useUploadEngine() {
  const [engine] = useState(() => {
    const { md5, concurrency } = tuning();
    return new UploadEngine({ api: uploadsApi, transport: xhrTransport, store: indexedDbResumeStore(), md5: md5 ? workerMd5() : undefined, concurrency });
  });
  const tasks = useSyncExternalStore(
    (listener) => engine.subscribe(listener),
    () => engine.views(),
    () => EMPTY,
  );

  useEffect(() => {
    void engine.restore();
  }, [engine]);

  // Refresh the file list whenever another upload finishes.
  const queryClient = useQueryClient();
  const doneCount = tasks.filter((task) => task.state === "done").length;
  const seen = useRef(0);
  useEffect(() => {
    if (doneCount > seen.current) void queryClient.invalidateQueries({ queryKey: ["uploads"] });
    seen.current = doneCount;
  }, [doneCount, queryClient]);

  return { engine, tasks };
}
