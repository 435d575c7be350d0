import { ListMultipartUploadsCommand } from "@aws-sdk/client-s3";
import { expect, test, type Page } from "@playwright/test";
import { s3 } from "../lib/storage/s3";
import { must } from "../tests/support/must";
import { storedEncryption, storedSha256 } from "./support/bucket";
import { dropPageFiles, makePageFile, throttleUploads } from "./support/page-files";
import { e2eServer } from "./support/server";
import { signInUi, signUpApi } from "./support/session";

const MiB = 1024 ** 2;
const PART = 16 * MiB; // the e2e server's MULTIPART_PART_BYTES (the default)
const BIG = { name: "big-200mib.bin", size: 200 * MiB, seed: 42 };

// Each test has its own user, so quotas and file lists do not interfere.
test.beforeEach(async ({ page }) => {
  await signInUi(page, await signUpApi(page.request));
});

const zone = (page: Page) => page.getByRole("region", { name: "Upload files" });
const row = (page: Page, name: string) => page.getByRole("listitem").filter({ hasText: name });
const percentOf = async (page: Page, name: string) => Number((await row(page, name).getByTestId("upload-percent").textContent())?.replace("%", ""));

async function waitForPercent(page: Page, name: string, atLeast: number) {
  await expect.poll(() => percentOf(page, name), { timeout: 60_000 }).toBeGreaterThanOrEqual(atLeast);
}

/** Successful part PUTs to storage, by part number. */
function countPartPuts(page: Page): number[] {
  const parts: number[] = [];
  page.on("requestfinished", async (request) => {
    const url = new URL(request.url());
    if (request.method() !== "PUT" || !url.searchParams.has("partNumber")) return;
    if ((await request.response())?.status() === 200) parts.push(Number(url.searchParams.get("partNumber")));
  });
  return parts;
}

async function uploadIdOf(page: Page, name: string): Promise<string> {
  const id = await row(page, name).getAttribute("data-upload-id");
  expect(id).toBeTruthy();
  return must(id, `a data-upload-id on the row of ${name}`);
}

test("200 MiB: pause mid-way, resume, complete; the object hashes like the file", async ({ page }) => {
  const sha = await makePageFile(page, BIG);
  await throttleUploads(page, 40 * MiB);
  await dropPageFiles(zone(page), [BIG.name]);
  await waitForPercent(page, BIG.name, 20);

  await page.getByRole("button", { name: `Pause ${BIG.name}` }).click();
  await expect(row(page, BIG.name).getByTestId("upload-state")).toHaveText("Paused");
  const paused = await percentOf(page, BIG.name);
  await page.waitForTimeout(1500);
  expect(await percentOf(page, BIG.name)).toBe(paused); // nothing moves while paused
  expect(paused).toBeLessThan(100);

  await page.getByRole("button", { name: `Resume ${BIG.name}` }).click();
  await expect(row(page, BIG.name).getByTestId("upload-state")).toHaveText("Uploaded", { timeout: 120_000 });
  const id = await uploadIdOf(page, BIG.name);
  expect((await (await page.request.get(`/api/uploads/${id}`)).json()).upload).toMatchObject({ status: "COMPLETE", strategy: "MULTIPART", size: BIG.size });
  expect(await storedSha256(id)).toBe(sha);
  expect(await storedEncryption(id)).toEqual({ sse: "aws:kms", keyId: e2eServer.encryption.S3_SSE_KMS_KEY_ID });
});

test("reload mid-upload, drop the file again: only the missing parts are sent", async ({ page }) => {
  await makePageFile(page, BIG);
  await throttleUploads(page, 40 * MiB);
  await dropPageFiles(zone(page), [BIG.name]);
  await waitForPercent(page, BIG.name, 1);
  const id = await uploadIdOf(page, BIG.name);
  const storedParts = async () => (await (await page.request.get(`/api/uploads/${id}/parts`)).json()).parts.map((part: { number: number }) => part.number);
  await expect.poll(async () => (await storedParts()).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(2);

  await page.reload();
  await expect(row(page, BIG.name).getByTestId("upload-state")).toHaveText("Paused — drop the file again to resume");
  const stored: number[] = await storedParts();
  expect(stored.length).toBeLessThan(Math.ceil(BIG.size / (16 * MiB)));

  const sha = await makePageFile(page, BIG); // the same bytes, name and date: the same file
  const puts = countPartPuts(page);
  await dropPageFiles(zone(page), [BIG.name]);
  await expect(row(page, BIG.name).getByTestId("upload-state")).toHaveText("Uploaded", { timeout: 120_000 });
  expect(await row(page, BIG.name).getAttribute("data-upload-id")).toBe(id);

  const partCount = Math.ceil(BIG.size / (16 * MiB));
  const missing = Array.from({ length: partCount }, (_, i) => i + 1).filter((n) => !stored.includes(n));
  expect([...puts].sort((a, b) => a - b)).toEqual(missing);
  expect(await storedSha256(id)).toBe(sha);
});

test("cancel mid-way: the multipart upload is aborted on S3 and the slot is ABORTED", async ({ page }) => {
  await makePageFile(page, BIG);
  await throttleUploads(page, 40 * MiB);
  await dropPageFiles(zone(page), [BIG.name]);
  await waitForPercent(page, BIG.name, 10);
  const id = await uploadIdOf(page, BIG.name);

  await page.getByRole("button", { name: `Cancel ${BIG.name}` }).click();
  await expect(row(page, BIG.name).getByTestId("upload-state")).toHaveText("Cancelled");
  await expect.poll(async () => (await (await page.request.get(`/api/uploads/${id}`)).json()).upload.status).toBe("ABORTED");
  const open = await s3.send(new ListMultipartUploadsCommand({ Bucket: e2eServer.bucket, Prefix: "u/" }));
  expect((open.Uploads ?? []).filter((upload) => upload.Key?.split("/")[2] === id)).toEqual([]);
});

/** Records every reply of the page's MD5 workers ({id, md5, impl}) with the worker's URL. */
function recordMd5Replies(page: Page) {
  return page.addInitScript(() => {
    const replies: unknown[] = ((window as unknown as { md5Replies: unknown[] }).md5Replies = []);
    const PageWorker = window.Worker;
    window.Worker = class extends PageWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        if (String(url).startsWith("/workers/md5.js")) this.addEventListener("message", (event) => replies.push({ url: String(url), ...event.data }));
      }
    };
  });
}

test("MD5s from the multi-buffer SIMD worker: S3 accepts all 5 parts (short last one), hash-wasm gives the same digests", async ({ page }) => {
  const file = { name: "five-parts.bin", size: 4 * PART + 7 * MiB + 13, seed: 7 }; // the last part ends mid-block
  await recordMd5Replies(page);
  await page.goto("/uploads");
  const sha = await makePageFile(page, file);
  const contentMd5 = new Map<number, string>();
  page.on("request", (request) => {
    const part = new URL(request.url()).searchParams.get("partNumber");
    if (request.method() === "PUT" && part) contentMd5.set(Number(part), must(request.headers()["content-md5"], `Content-MD5 of part ${part}`));
  });
  await dropPageFiles(zone(page), [file.name]);
  // A wrong Content-MD5 is a BadDigest from S3: the upload would not complete.
  await expect(row(page, file.name).getByTestId("upload-state")).toHaveText("Uploaded", { timeout: 120_000 });
  const id = await uploadIdOf(page, file.name);
  expect((await (await page.request.get(`/api/uploads/${id}`)).json()).upload).toMatchObject({ status: "COMPLETE", strategy: "MULTIPART", size: file.size });
  expect(await storedSha256(id)).toBe(sha);

  const replies: Array<{ url: string; md5?: string; impl: string }> = await page.evaluate(() => (window as unknown as { md5Replies: [] }).md5Replies);
  expect(replies.length).toBeGreaterThanOrEqual(5);
  expect(new Set(replies.map((reply) => `${reply.url} ${reply.impl}`))).toEqual(new Set(["/workers/md5.js simd"]));
  expect([...contentMd5.keys()].sort()).toEqual([1, 2, 3, 4, 5]);
  expect(replies.map((reply) => reply.md5).sort()).toEqual([...contentMd5.values()].sort());

  const byHashWasm = await page.evaluate(
    ({ name, partSize }) => {
      const blob = (window as unknown as { slipwayFiles: Record<string, File> }).slipwayFiles[name];
      const worker = new Worker("/workers/md5.js?impl=hash-wasm");
      const parts = Math.ceil(blob.size / partSize);
      return new Promise<string[]>((resolve, reject) => {
        const digests: string[] = [];
        worker.onmessage = ({ data }: MessageEvent<{ id: number; md5?: string; impl: string }>) => {
          if (!data.md5 || data.impl !== "hash-wasm") return reject(new Error(JSON.stringify(data)));
          digests[data.id] = data.md5;
          if (Object.keys(digests).length === parts) resolve(digests);
        };
        for (let id = 0; id < parts; id++) worker.postMessage({ id, blob: blob.slice(id * partSize, (id + 1) * partSize) });
      });
    },
    { name: file.name, partSize: PART },
  );
  expect(byHashWasm).toEqual([1, 2, 3, 4, 5].map((part) => contentMd5.get(part)));
});
