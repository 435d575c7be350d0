"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { describeUploadError } from "@/lib/upload-client/describe-error";
import { SpeedMeter } from "@/lib/upload-client/speed-meter";
import { uploadFile, type UploadPhase } from "@/lib/upload-client/upload-file";

export type ItemState = "queued" | UploadPhase | "done" | "failed" | "cancelled";

export interface QueueItem {
  key: string;
  file: File;
  state: ItemState;
  loaded: number;
  speed: number;
  error?: string;
}

const CONCURRENT_FILES = 3;

/** The browser-side upload queue: a few files at a time, each with progress, speed and state. */
export function useUploadQueue() {
  const [items, setItems] = useState<QueueItem[]>([]);
  const controllers = useRef(new Map<string, AbortController>());
  const running = useRef(new Set<string>()); // guards against starting an item twice between renders
  const queryClient = useQueryClient();

  const patch = useCallback((key: string, change: Partial<QueueItem>) => {
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...change } : item)));
  }, []);

  const run = useCallback(
    async (item: QueueItem) => {
      const controller = new AbortController();
      controllers.current.set(item.key, controller);
      const meter = new SpeedMeter();
      let outcome: Partial<QueueItem>;
      try {
        await uploadFile(item.file, {
          signal: controller.signal,
          onPhase: (state) => patch(item.key, { state }),
          onProgress: (loaded) => patch(item.key, { loaded, speed: meter.sample(loaded, performance.now()) }),
        });
        outcome = { state: "done", loaded: item.file.size, speed: 0 };
      } catch (error) {
        outcome = { state: controller.signal.aborted ? "cancelled" : "failed", speed: 0, error: describeUploadError(error) };
      }
      // Free the slot before the state change, so the render it causes can start the next file.
      controllers.current.delete(item.key);
      running.current.delete(item.key);
      patch(item.key, outcome);
      if (outcome.state === "done") await queryClient.invalidateQueries({ queryKey: ["uploads"] });
    },
    [patch, queryClient],
  );

  // Start queued files whenever a slot frees up.
  useEffect(() => {
    const waiting = items.filter((item) => item.state === "queued" && !running.current.has(item.key));
    for (const item of waiting.slice(0, Math.max(0, CONCURRENT_FILES - running.current.size))) {
      running.current.add(item.key);
      patch(item.key, { state: "preparing" });
      void run(item);
    }
  }, [items, patch, run]);

  const add = useCallback((files: File[]) => {
    const added = files.map((file) => ({ key: crypto.randomUUID(), file, state: "queued" as const, loaded: 0, speed: 0 }));
    setItems((current) => [...added, ...current]);
  }, []);

  const cancel = useCallback((key: string) => controllers.current.get(key)?.abort(), []);

  const retry = useCallback((key: string) => patch(key, { state: "queued", loaded: 0, speed: 0, error: undefined }), [patch]);

  const dismiss = useCallback((key: string) => setItems((current) => current.filter((item) => item.key !== key)), []);

  return { items, add, cancel, retry, dismiss };
}
