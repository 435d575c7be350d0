import { ListMultipartUploadsCommand } from "@aws-sdk/client-s3";
import { expect, test, type Page } from "@playwright/test";
import { s3 } from "../lib/storage/s3";
import { must } from "../tests/support/must";
import { storedEncryption, storedSha256 } from "./support/bucket";
import { dropPageFiles, makePageFile, throttleUploads } from "./support/page-files";
import { e2eServer } from "./support/server";
import { signInUi, signUpApi } from "./support/session";

const MiB = 1024 ** 2;
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
