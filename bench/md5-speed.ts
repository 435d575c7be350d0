import type { Browser, Cookie } from "@playwright/test";
import { newContext } from "./browser";
import { config } from "./config";
import { makeFileInPage } from "./file-bytes";

/**
 * Diagnostic for (b): how fast the app's MD5 worker (/workers/md5.js, the one the upload engine
 * uses) hashes the benchmark file on its own, part by part, with nothing else running. If this
 * is not well above the upload speed, hashing is what holds an upload with MD5s back.
 */
export async function measureMd5Worker(browser: Browser, cookies: Cookie[], size: number): Promise<{ seconds: number; mibPerSecond: number }> {
  const context = await newContext(browser, cookies);
  try {
    const page = await context.newPage();
    await page.goto("/uploads"); // the worker script is served from the app's origin
    await makeFileInPage(page, "md5.bin", size);
    const ms = await page.evaluate(
      ({ partSize }) =>
        new Promise<number>((resolve, reject) => {
          const file = (window as unknown as { benchFiles: Record<string, File> }).benchFiles["md5.bin"];
          const worker = new Worker("/workers/md5.js");
          const parts = Math.ceil(file.size / partSize);
          let done = 0;
          worker.onmessage = (event: MessageEvent<{ md5?: string; error?: string }>) => {
            if (!event.data.md5) return reject(new Error(`hashing failed: ${event.data.error}`));
            if (++done === parts) {
              worker.terminate();
              resolve(performance.now() - started);
            }
          };
          worker.onerror = (event) => reject(new Error(event.message));
          // All parts at once: the worker hashes them one after another, as it does for uploads.
          const started = performance.now();
          for (let id = 0; id < parts; id++) worker.postMessage({ id, blob: file.slice(id * partSize, (id + 1) * partSize) });
        }),
      { partSize: config.partBytes },
    );
    return { seconds: ms / 1000, mibPerSecond: size / 1024 ** 2 / (ms / 1000) };
  } finally {
    await context.close();
  }
}
