import { createHash, randomBytes } from "node:crypto";
import type { UploadApi } from "@/lib/upload-client/upload-api";
import type { Transport } from "@/lib/upload-client/put-object";
import { memoryResumeStore, type ResumeStore } from "@/lib/upload-client/resume-store";
import { UploadEngine } from "@/lib/upload-client/upload-engine";
import type { TaskState, TaskView } from "@/lib/upload-client/upload-task";

export const MiB = 1024 ** 2;

export const nodeMd5 = async (blob: Blob) =>
  createHash("md5")
    .update(new Uint8Array(await blob.arrayBuffer()))
    .digest("base64");
export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

export function randomFile(name: string, size: number): File {
  return new File([randomBytes(size)], name, { type: "application/octet-stream", lastModified: 1_700_000_000_000 });
}

export function engineFor(api: UploadApi, transport: Transport, options: { md5?: boolean; store?: ResumeStore; concurrency?: number; singlePutMaxBytes?: number } = {}) {
  const { store = memoryResumeStore(), concurrency = 4, singlePutMaxBytes } = options;
  return new UploadEngine({ api, transport, store, md5: options.md5 === false ? undefined : nodeMd5, concurrency, singlePutMaxBytes });
}

/** Resolves with the task views once every task has reached one of `states`. */
export function settled(engine: UploadEngine, states: TaskState[] = ["done", "failed", "cancelled"], timeoutMs = 60_000): Promise<TaskView[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not settled: ${JSON.stringify(engine.views())}`)), timeoutMs);
    const check = () => {
      const views = engine.views();
      if (views.length && views.every((view) => states.includes(view.state))) {
        clearTimeout(timer);
        unsubscribe();
        resolve(views);
      }
    };
    const unsubscribe = engine.subscribe(check);
    check();
  });
}
