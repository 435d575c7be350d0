import type { Md5 } from "./multipart-upload";

/** MD5 (base64) of Blobs, computed in a Web Worker so hashing never blocks the page. */
export function workerMd5(): Md5 {
  let worker: Worker | undefined;
  let nextId = 0;
  const pending = new Map<number, { resolve: (md5: string) => void; reject: (error: Error) => void }>();

  function start(): Worker {
    const created = new Worker("/workers/md5.js"); // bundled by scripts/build-workers.mjs
    created.onmessage = (event: MessageEvent<{ id: number; md5?: string; error?: string }>) => {
      const { id, md5, error } = event.data;
      const waiter = pending.get(id);
      pending.delete(id);
      if (md5) waiter?.resolve(md5);
      else waiter?.reject(new Error(`Hashing failed: ${error}`));
    };
    created.onerror = (event) => {
      for (const waiter of pending.values()) waiter.reject(new Error(`Hashing failed: ${event.message}`));
      pending.clear();
      worker = undefined; // the next request starts a fresh worker
    };
    return created;
  }

  return (blob) =>
    new Promise((resolve, reject) => {
      worker ??= start();
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, blob });
    });
}
