import type { Locator, Page } from "@playwright/test";

export interface PageFileSpec {
  name: string;
  size: number;
  seed: number;
  type?: string;
}

/**
 * Makes a pseudo-random File inside the page (the same seed gives the same bytes, name and
 * date, so "the same file" can be dropped again after a reload) and returns its sha256.
 */
export async function makePageFile(page: Page, spec: PageFileSpec): Promise<string> {
  return page.evaluate(async ({ name, size, seed, type }) => {
    const words = new Uint32Array(Math.ceil(size / 4));
    let x = seed >>> 0 || 1;
    for (let i = 0; i < words.length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      words[i] = x >>> 0;
    }
    const bytes = new Uint8Array(words.buffer, 0, size);
    const store = ((window as unknown as { slipwayFiles?: Record<string, File> }).slipwayFiles ??= {});
    store[name] = new File([bytes], name, { type: type ?? "application/octet-stream", lastModified: 1_700_000_000_000 + seed });
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
    return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
  }, spec);
}

/** Drops files made by makePageFile on `target`, as a real drag would. */
export async function dropPageFiles(target: Locator, names: string[]): Promise<void> {
  const dataTransfer = await target.page().evaluateHandle((wanted) => {
    const store = (window as unknown as { slipwayFiles: Record<string, File> }).slipwayFiles;
    const transfer = new DataTransfer();
    for (const name of wanted) transfer.items.add(store[name]);
    return transfer;
  }, names);
  await target.dispatchEvent("drop", { dataTransfer });
}

/** Caps the page's upload bandwidth (Chromium's network emulation), so an upload takes a while. */
export async function throttleUploads(page: Page, bytesPerSecond: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: bytesPerSecond });
}
