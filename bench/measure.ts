import type { Browser, Cookie } from "@playwright/test";
import { config, DEFAULT_CONCURRENCY, MiB } from "./config";
import { fileBuffer } from "./file-bytes";
import type { UploadSample } from "./report";
import { round } from "./stats";
import { collectGarbage } from "./store";
import { uploadBare } from "./upload-bare";
import { uploadWithLibStorage } from "./upload-lib-storage";
import { uploadThroughApp } from "./upload-ours";

// What every upload suite of bench/main.ts does around one upload: time it, free its storage, log it.

export const log = (message: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

export const sample = (bytes: number, { seconds, ...rest }: Omit<UploadSample, "mibPerSecond">): UploadSample => ({
  seconds: round(seconds, 3),
  mibPerSecond: round(bytes / MiB / seconds, 1),
  ...rest,
});

/** Runs one upload, frees its storage (gc), and logs the speed. */
export async function measure(label: string, bytes: number, upload: () => Promise<Omit<UploadSample, "mibPerSecond">>): Promise<UploadSample> {
  const result = sample(bytes, await upload());
  await collectGarbage();
  const calls = result.apiCalls ? `, API ${JSON.stringify(result.apiCalls)}` : "";
  log(`${label}: ${result.seconds} s, ${result.mibPerSecond} MiB/s, CPU % ${JSON.stringify(result.cpu)}${calls}`);
  return result;
}

/**
 * Not recorded: the first multipart upload through each path pays for loading route modules,
 * the MD5 worker, JIT and connection setup.
 */
export async function warmUp(browser: Browser, cookies: Cookie[], { bare = true } = {}) {
  const warm = Math.max(48 * MiB, 3 * config.partBytes); // a few parts, whatever the part size
  log(`warm-up (${warm / MiB} MiB through each path)`);
  await uploadWithLibStorage(fileBuffer(warm), DEFAULT_CONCURRENCY);
  if (bare) await uploadBare(browser, warm, DEFAULT_CONCURRENCY);
  await uploadThroughApp(browser, cookies, { size: warm });
  await collectGarbage();
}
