import { createHash, randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { env } from "../lib/env";
import { sha256, storedEncryption, storedSha256 } from "./support/bucket";
import { e2eServer } from "./support/server";
import { dropFiles, type FileSpec } from "./support/drop-files";
import { signInApi, signInUi, signUpApi } from "./support/session";

test("drop two files: sent with their MD5s, both reach 100 %, survive a reload, match the bucket, are stored encrypted, stay private", async ({ page, browser }) => {
  const files = [
    { name: `photo-${Date.now()}.png`, type: "image/png", bytes: randomBytes(3 * 1024 * 1024 + 17) },
    { name: `notes ${Date.now()} "é".txt`, type: "text/plain", bytes: Buffer.from("first line\nsecond line\n".repeat(500)) },
  ] satisfies FileSpec[];
  await signInUi(page, await signUpApi(page.request));
  // Each file goes in one PUT, with its whole MD5 signed in (S3 refuses bytes changed on the way).
  const puts: Promise<string | undefined>[] = [];
  page.on("request", (request) => {
    if (request.method() === "PUT" && request.url().includes("/incoming/")) puts.push(request.allHeaders().then((headers) => headers["content-md5"]));
  });
  await dropFiles(page.getByRole("region", { name: "Upload files" }), files);

  for (const file of files) {
    const row = page.getByRole("listitem").filter({ hasText: file.name });
    await expect(row.getByRole("progressbar", { name: `Upload progress for ${file.name}` })).toHaveAttribute("value", "100");
    await expect(row.getByTestId("upload-percent")).toHaveText("100%");
    await expect(row.getByTestId("upload-state")).toHaveText("Uploaded");
  }

  expect((await Promise.all(puts)).sort()).toEqual(files.map((file) => createHash("md5").update(file.bytes).digest("base64")).sort());

  await page.reload();
  const table = page.getByRole("table", { name: "Your files" });
  for (const file of files) await expect(table.getByRole("rowheader", { name: file.name })).toBeVisible();

  const { items } = await (await page.request.get("/api/uploads")).json();
  const ids: string[] = [];
  for (const file of files) {
    const upload = items.find((item: { name: string }) => item.name === file.name);
    expect(upload).toMatchObject({ status: "COMPLETE", size: file.bytes.length, contentType: file.type });
    expect(await storedSha256(upload.id)).toBe(sha256(file.bytes));
    // The page sent the encryption headers its signing answer gave (a PUT without them is refused).
    expect(await storedEncryption(upload.id)).toEqual({ sse: "aws:kms", keyId: e2eServer.encryption.S3_SSE_KMS_KEY_ID });
    ids.push(upload.id);
  }

  // A second user sees none of it, and the ids answer 404 as if they did not exist.
  const other = await browser.newContext();
  const account = await signUpApi(other.request);
  await signInApi(other.request, account);
  expect((await (await other.request.get("/api/uploads")).json()).items).toEqual([]);
  for (const id of ids) {
    expect((await other.request.get(`/api/uploads/${id}`)).status()).toBe(404);
    expect((await other.request.post(`/api/uploads/${id}/complete`)).status()).toBe(404);
    expect((await other.request.delete(`/api/uploads/${id}`)).status()).toBe(404);
  }
  const otherPage = await other.newPage();
  await otherPage.goto("/uploads");
  await expect(otherPage.getByText("No files yet")).toBeVisible();
  await other.close();
});

test("the keyboard-operable picker uploads too", async ({ page }) => {
  await signInUi(page, await signUpApi(page.request));
  const picker = page.getByRole("button", { name: "Choose files…" });
  await picker.focus();
  await expect(picker).toBeFocused();
  const chooser = page.waitForEvent("filechooser");
  await page.keyboard.press("Enter");
  const bytes = randomBytes(100_000);
  await (await chooser).setFiles({ name: "picked.bin", mimeType: "application/octet-stream", buffer: bytes });
  const row = page.getByRole("listitem").filter({ hasText: "picked.bin" });
  await expect(row.getByTestId("upload-state")).toHaveText("Uploaded");
});

test("refusals are explained in words", async ({ page }) => {
  await signInUi(page, await signUpApi(page.request));
  await dropFiles(page.getByRole("region", { name: "Upload files" }), [
    { name: "page.html", type: "text/html", bytes: Buffer.from("<p>hi</p>") },
    { name: "too-big.bin", type: "application/octet-stream", size: e2eServer.quotaBytes + 1 },
  ]);
  await expect(page.getByRole("listitem").filter({ hasText: "page.html" }).getByRole("alert")).toHaveText("Files of type text/html are not accepted here.");
  await expect(page.getByRole("listitem").filter({ hasText: "too-big.bin" }).getByRole("alert")).toContainText("Not enough storage left");
});

test("network loss is explained in words", async ({ page }) => {
  await signInUi(page, await signUpApi(page.request));
  await page.route(`${new URL(env.S3_ENDPOINT).origin}/**`, (route) => route.abort("internetdisconnected"));
  await dropFiles(page.getByRole("region", { name: "Upload files" }), [{ name: "offline.txt", type: "text/plain", bytes: Buffer.from("x") }]);
  // The engine keeps retrying with backoff, and says so.
  await expect(page.getByRole("listitem").filter({ hasText: "offline.txt" }).getByRole("alert")).toHaveText(/^The network connection was lost\. Retrying in \d+ s…$/);
});
