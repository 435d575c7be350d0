import { expect, test, type Page } from "@playwright/test";
import { env } from "../lib/env";
import { dropPageFiles, makePageFile, throttleUploads } from "./support/page-files";
import { signInUi, signUpApi } from "./support/session";

const MiB = 1024 ** 2;
const LIMIT = 6; // EngineOptions.concurrency's default: requests to storage at a time, all files together

/**
 * Counts, inside the page, the PUTs to storage the engine has sent and not yet seen end. Counted
 * at XMLHttpRequest.send rather than from the network: Chromium keeps at most 6 connections per
 * host and queues the rest, which would hide requests the engine started beyond its budget.
 */
async function trackStorageRequests(page: Page) {
  await page.addInitScript((storage) => {
    const seen = { inFlight: 0, max: 0, total: 0, mixed: false, singles: 0, parts: 0 };
    (window as unknown as { storageRequests: typeof seen }).storageRequests = seen;
    const open = XMLHttpRequest.prototype.open;
    const send = XMLHttpRequest.prototype.send;
    const target = new WeakMap<XMLHttpRequest, string>();
    XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
      if (method === "PUT" && String(url).startsWith(storage)) target.set(this, String(url));
      return (open as (...args: unknown[]) => void).call(this, method, url, ...rest);
    } as typeof open;
    XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, ...args: Parameters<typeof send>) {
      const url = target.get(this);
      if (url) {
        const kind = new URL(url).searchParams.has("partNumber") ? "parts" : "singles";
        seen.total += 1;
        seen[kind] += 1;
        seen.max = Math.max(seen.max, ++seen.inFlight);
        seen.mixed ||= seen.singles > 0 && seen.parts > 0;
        // DONE is announced before `load`, whose handler lets the engine send the next request:
        // counting down at `loadend` would count that one before this one ends.
        const done = () => {
          if (this.readyState !== XMLHttpRequest.DONE) return;
          this.removeEventListener("readystatechange", done);
          seen.inFlight -= 1;
          seen[kind] -= 1;
        };
        this.addEventListener("readystatechange", done);
      }
      return send.apply(this, args);
    };
  }, new URL(env.S3_ENDPOINT).origin);
  return () => page.evaluate(() => (window as unknown as { storageRequests: { max: number; total: number; mixed: boolean } }).storageRequests);
}

let storageRequests: Awaited<ReturnType<typeof trackStorageRequests>>;

test.beforeEach(async ({ page }) => {
  storageRequests = await trackStorageRequests(page);
  await signInUi(page, await signUpApi(page.request));
});

test(`20 small files and a large one: at most ${LIMIT} storage requests in flight, and all of them used`, async ({ page }) => {
  const big = { name: "large-80mib.bin", size: 80 * MiB, seed: 7 };
  const small = Array.from({ length: 20 }, (_, i) => ({ name: `small-${String(i).padStart(2, "0")}.bin`, size: 2 * MiB, seed: 100 + i }));
  for (const spec of [big, ...small]) await makePageFile(page, spec);
  // Slow enough that requests overlap for a while, so the count reflects the engine, not luck.
  await throttleUploads(page, 8 * MiB);

  // The large file in the middle of the drop: whichever order files start in, its parts run while
  // small files are still waiting.
  const names = small.map((spec) => spec.name);
  await dropPageFiles(page.getByRole("region", { name: "Upload files" }), [...names.slice(0, 10), big.name, ...names.slice(10)]);
  const states = page.getByRole("listitem").getByTestId("upload-state");
  await expect(states).toHaveCount(21);
  await expect.poll(async () => (await states.allTextContents()).filter((text) => text === "Uploaded").length, { timeout: 120_000 }).toBe(21);
  const seen = await storageRequests();

  expect(seen.total).toBeGreaterThanOrEqual(20 + 5); // 20 single PUTs and the large file's 5 parts
  expect(seen.max).toBeLessThanOrEqual(LIMIT);
  expect(seen.max).toBe(LIMIT);
  expect(seen.mixed).toBe(true); // single PUTs and parts took turns within the one budget
});
