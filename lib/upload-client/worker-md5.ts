import { simdSupported } from "./md5/choose-md5";
import type { Md5 } from "./multipart-upload";

/** The browser could not read the file (moved, changed or deleted since it was chosen). */
export class FileReadError extends Error {}

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve: (md5: string) => void; reject: (error: Error) => void }>;
}

/**
 * Workers by default. With WebAssembly SIMD one worker hashes 8 parts at once, faster than the
 * upload (bench/md5-speed.ts), and gets the most lanes filled from the parts the engine queues;
 * hash-wasm hashes one part at a time per worker, so two share the work where cores allow.
 */
export function defaultMd5Workers(): number {
  return simdSupported() ? 1 : Math.min(2, globalThis.navigator?.hardwareConcurrency || 1);
}

/**
 * MD5 (base64) of Blobs, computed in Web Workers so hashing never blocks the page. Hashing
 * paces a multipart upload (each part's MD5 is signed into its URL before it is sent), so
 * workers take parts as they are queued; each job goes to the least busy one.
 */
export function workerMd5(size = defaultMd5Workers()): Md5 {
  const slots: Array<Slot | undefined> = Array.from({ length: size }, () => undefined);
  let nextId = 0;

  function start(index: number): Slot {
    const slot: Slot = { worker: new Worker("/workers/md5.js"), pending: new Map() }; // bundled by scripts/build-workers.mjs
    slot.worker.onmessage = (event: MessageEvent<{ id: number; md5?: string; error?: string }>) => {
      const { id, md5, error } = event.data;
      const waiter = slot.pending.get(id);
      slot.pending.delete(id);
      if (md5) waiter?.resolve(md5);
      else waiter?.reject(new FileReadError(`Reading the file failed: ${error}`));
    };
    slot.worker.onerror = (event) => {
      for (const waiter of slot.pending.values()) waiter.reject(new FileReadError(`Hashing failed: ${event.message}`));
      slots[index] = undefined; // the next job starts a fresh worker here
    };
    slots[index] = slot;
    return slot;
  }

  function leastBusy(): Slot {
    let best = 0;
    for (let i = 1; i < slots.length; i++) if ((slots[i]?.pending.size ?? 0) < (slots[best]?.pending.size ?? 0)) best = i;
    return slots[best] ?? start(best);
  }

  return (blob) =>
    new Promise((resolve, reject) => {
      const slot = leastBusy();
      const id = nextId++;
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, blob });
    });
}
