import type { Browser, Cookie, Page } from "@playwright/test";
import { config } from "./config";
import { makeFileInPage } from "./file-bytes";
import { newContext } from "./browser";
import { withCpu, type CpuShare } from "./processes";

export interface OursOptions {
  size: number;
  /** false adds `?md5=off`: parts go without Content-MD5 (no hashing in the worker). */
  md5?: boolean;
  /** Adds `?concurrency=N`; left out, the engine's default applies. */
  concurrency?: number;
  /** Runs on the ready page just before the drop (e.g. to throttle its network). */
  beforeDrop?: (page: Page) => Promise<void>;
  /** Adds `?md5workers=N`; left out, the page's default applies. */
  md5Workers?: number;
}

/**
 * The real thing: the /uploads page of the built app, signed in, a file dropped on its drop
 * zone; timed in the page from the drop event until the file's row says "Uploaded" (slot,
 * hashing, signing, PUTs, completion and the server's verification all included). The upload
 * is deleted afterwards.
 */
export async function uploadThroughApp(browser: Browser, cookies: Cookie[], options: OursOptions): Promise<{ seconds: number; cpu: CpuShare; apiCalls: Record<string, number> }> {
  const context = await newContext(browser, cookies);
  try {
    const page = await context.newPage();
    const query = new URLSearchParams();
    if (options.md5 === false) query.set("md5", "off");
    if (options.concurrency) query.set("concurrency", String(options.concurrency));
    if (options.md5Workers) query.set("md5workers", String(options.md5Workers));
    await page.goto(`/uploads${query.toString() ? `?${query}` : ""}`);
    // A drop before React has hydrated the drop zone would be ignored: wait for its handlers.
    await page.waitForFunction(() => {
      const zone = document.querySelector('section[aria-label="Upload files"]');
      return !!zone && Object.keys(zone).some((prop) => prop.startsWith("__reactProps"));
    });
    const name = `ours-${Date.now()}.bin`;
    await makeFileInPage(page, name, options.size);

    // At least 1 MiB/s, or give up.
    const timeoutMs = Math.max(120_000, options.size / 1024);
    // The app's API calls during the upload, by route, e.g. how many POST /parts batches it took.
    const apiCalls: Record<string, number> = {};
    page.on("request", (request) => {
      const { origin, pathname } = new URL(request.url());
      if (origin !== config.appUrl || !pathname.startsWith("/api/")) return;
      const route = `${request.method()} ${pathname.replace(/[0-9a-f-]{36}/g, ":id")}`;
      apiCalls[route] = (apiCalls[route] ?? 0) + 1;
    });
    await options.beforeDrop?.(page);
    const { result, cpu } = await withCpu(() => page.evaluate(dropAndWait, { name, timeoutMs }));
    if (result.state !== "Uploaded") throw new Error(`upload of ${name} ended as "${result.state}": ${result.text}`);

    const deleted = await context.request.delete(`/api/uploads/${result.uploadId}`);
    if (deleted.status() !== 204) throw new Error(`could not delete upload ${result.uploadId}: ${deleted.status()}`);
    return { seconds: result.ms / 1000, cpu, apiCalls };
  } finally {
    await context.close();
  }
}

/**
 * Runs in the page: drops `benchFiles[name]` on the drop zone the way a real drag does (a
 * DataTransfer on a drop event) and resolves when the file's row reaches "Uploaded" or "Failed".
 * Timing in the page, with a MutationObserver, avoids Playwright's polling intervals.
 */
function dropAndWait({ name, timeoutMs }: { name: string; timeoutMs: number }) {
  const file = (window as unknown as { benchFiles: Record<string, File> }).benchFiles[name];
  const zone = document.querySelector('section[aria-label="Upload files"]');
  if (!zone) throw new Error("no drop zone on the page");
  const transfer = new DataTransfer();
  transfer.items.add(file);

  const row = () => [...document.querySelectorAll('ul[aria-label="Uploads in progress"] > li')].find((li) => li.textContent?.includes(name));
  return new Promise<{ state: string; ms: number; uploadId: string | null; text: string }>((resolve) => {
    let started = 0;
    const check = () => {
      const li = row();
      if (!li) return;
      const state = li.querySelector('[data-testid="upload-state"]')?.textContent ?? "";
      if (state !== "Uploaded" && state !== "Failed") return;
      const ms = performance.now() - started;
      observer.disconnect();
      clearTimeout(timer);
      resolve({ state, ms, uploadId: li.getAttribute("data-upload-id"), text: li.textContent ?? "" });
    };
    const timer = setTimeout(() => {
      observer.disconnect();
      resolve({ state: "timed out", ms: timeoutMs, uploadId: null, text: row()?.textContent ?? "no row" });
    }, timeoutMs);
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    started = performance.now();
    zone.dispatchEvent(new DragEvent("drop", { bubbles: true, cancelable: true, dataTransfer: transfer }));
  });
}
