"use client";

import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { uploadsApi } from "@/lib/api-client/uploads-api";
import { indexedDbResumeStore } from "@/lib/upload-client/indexeddb-resume-store";
import { xhrTransport } from "@/lib/upload-client/put-object";
import type { UploadApi } from "@/lib/upload-client/upload-api";
import { UploadEngine } from "@/lib/upload-client/upload-engine";
import type { ResumeStore } from "@/lib/upload-client/resume-store";
import type { TaskView } from "@/lib/upload-client/upload-task";
import { workerMd5 } from "@/lib/upload-client/worker-md5";
import { useUploadSettings } from "./upload-settings";

const EMPTY: TaskView[] = [];

/** Where a page's uploads go: the API the engine talks to and where unfinished ones are remembered. */
export interface UploadTarget {
  api: UploadApi;
  store: ResumeStore;
  /** The query to read again whenever an upload finishes (the file list, the request's limits). */
  refresh: QueryKey;
}

/** The signed-in user's own uploads. */
const ownUploads = (): UploadTarget => ({ api: uploadsApi, store: indexedDbResumeStore(), refresh: ["uploads"] });

/**
 * Diagnostic switches for benchmarks, read from the page URL: `?md5=off` sends parts without
 * Content-MD5 (and hashes no whole file), `?concurrency=N` changes how many requests run at once (default 6),
 * `?md5workers=N` how many MD5 workers hash (default: lib/upload-client/worker-md5.ts).
 */
function tuning() {
  const params = new URLSearchParams(typeof window === "undefined" ? "" : window.location.search); // also rendered on the server
  const concurrency = Number(params.get("concurrency"));
  const md5Workers = Number(params.get("md5workers"));
  return {
    md5: params.get("md5") !== "off",
    concurrency: concurrency >= 1 && concurrency <= 32 ? concurrency : undefined,
    md5Workers: md5Workers >= 1 && md5Workers <= 8 ? md5Workers : undefined,
  };
}

/** One upload engine for the page (made once, for `target`), its tasks as React state, and `refresh` kept fresh. */
export function useUploadEngine(target: () => UploadTarget = ownUploads) {
  const settings = useUploadSettings();
  const [{ engine, refresh }] = useState(() => {
    const { api, store, refresh } = target();
    const { md5, concurrency, md5Workers } = tuning();
    const hashing = md5 ? { md5: workerMd5(md5Workers), singlePutMaxBytes: settings?.singlePutMaxBytes } : {};
    return { engine: new UploadEngine({ api, transport: xhrTransport, store, concurrency, ...hashing }), refresh };
  });
  const tasks = useSyncExternalStore(
    (listener) => engine.subscribe(listener),
    () => engine.views(),
    () => EMPTY,
  );

  useEffect(() => {
    void engine.restore();
  }, [engine]);

  // Read `refresh` again whenever another upload finishes.
  const queryClient = useQueryClient();
  const doneCount = tasks.filter((task) => task.state === "done").length;
  const seen = useRef(0);
  useEffect(() => {
    if (doneCount > seen.current) void queryClient.invalidateQueries({ queryKey: refresh });
    seen.current = doneCount;
  }, [doneCount, queryClient, refresh]);

  return { engine, tasks };
}
