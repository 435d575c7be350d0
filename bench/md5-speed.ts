import type { Browser, Cookie, Page } from "@playwright/test";
import { newContext } from "./browser";
import { config } from "./config";
import { makeFileInPage } from "./file-bytes";
import { round } from "./stats";

export type Md5Impl = "hash-wasm" | "simd";
export interface HashSpeed {
  seconds: number;
  mibPerSecond: number;
}

/**
 * Diagnostic for (b): how fast one MD5 worker (/workers/md5.js, the one the upload engine uses)
 * hashes the benchmark file on its own, part by part, with nothing else running — once forced to
 * hash-wasm's single stream and once to multi-buffer SIMD, on the same file and parts: one worker
 * each, so both figures are per core. If they are not well above the upload speed, hashing is
 * what holds an upload with MD5s back.
 */
export async function measureMd5Workers(browser: Browser, cookies: Cookie[], size: number): Promise<Record<Md5Impl, HashSpeed>> {
  const context = await newContext(browser, cookies);
  try {
    const page = await context.newPage();
    await page.goto("/uploads"); // the worker script is served from the app's origin
    await makeFileInPage(page, "md5.bin", size);
    const hashWasm = await hashFile(page, "hash-wasm");
    const simd = await hashFile(page, "simd");
    if (hashWasm.digests.join() !== simd.digests.join()) throw new Error("hash-wasm and SIMD disagree on the parts' MD5s");
    const speed = (ms: number) => ({ seconds: round(ms / 1000, 3), mibPerSecond: round(size / 1024 ** 2 / (ms / 1000), 1) });
    return { "hash-wasm": speed(hashWasm.ms), simd: speed(simd.ms) };
  } finally {
    await context.close();
  }
}

/** Every part to one worker at once (it queues or lanes them, as for uploads), after a warm-up. */
function hashFile(page: Page, impl: Md5Impl) {
  return page.evaluate(
    ({ partSize, impl }) => {
      const file = (window as unknown as { benchFiles: Record<string, File> }).benchFiles["md5.bin"];
      const worker = new Worker(`/workers/md5.js?impl=${impl}`);
      const hashAll = (blobs: Blob[]) =>
        new Promise<string[]>((resolve, reject) => {
          const digests: string[] = [];
          let done = 0;
          worker.onmessage = (event: MessageEvent<{ id: number; md5?: string; error?: string; impl: string }>) => {
            const { id, md5, error } = event.data;
            if (!md5 || event.data.impl !== impl) return reject(new Error(`hashing with ${impl} failed: ${error ?? `the worker ran ${event.data.impl}`}`));
            digests[id] = md5;
            if (++done === blobs.length) resolve(digests);
          };
          worker.onerror = (event) => reject(new Error(event.message));
          blobs.forEach((blob, id) => worker.postMessage({ id, blob }));
        });
      const parts = Array.from({ length: Math.ceil(file.size / partSize) }, (_, i) => file.slice(i * partSize, (i + 1) * partSize));
      // Not timed: compiling the module and the JIT's first passes.
      return hashAll(Array.from({ length: 8 }, (_, i) => file.slice(i * 1024 ** 2, (i + 1) * 1024 ** 2))).then(async () => {
        const started = performance.now();
        const digests = await hashAll(parts);
        const ms = performance.now() - started;
        worker.terminate();
        return { ms, digests };
      });
    },
    { partSize: config.partBytes, impl },
  );
}
