import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test, type Browser, type Download, type Page } from "@playwright/test";
import { must } from "../tests/support/must";
import { dropFiles } from "./support/drop-files";
import { e2eServer } from "./support/server";
import { signInApi, signInUi } from "./support/session";
import { signUpTrustedApi } from "./support/trust";
import { uploadViaApi, waitUntilProcessed } from "./support/uploads";

const NAME = 'résumé 日本語 "q".pdf';

/** The name Chromium saves a download under: it replaces `"` (not allowed in Windows file names) with `_`. */
const savedName = (name: string) => name.replaceAll('"', "_");

async function downloadedBytes(download: Download): Promise<Buffer> {
  return readFile(must(await download.path(), "a saved download"));
}

/** Opens the dashboard's share dialog of `name` and creates a link; returns the address shown once. */
async function createLinkInUi(page: Page, name: string, fill: (dialog: ReturnType<Page["getByRole"]>) => Promise<void> = async () => {}) {
  await page.getByRole("button", { name: `Share ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Share “${name}”` });
  await fill(dialog);
  await dialog.getByRole("button", { name: "Create link" }).click();
  const address = dialog.getByRole("textbox", { name: "Share link address" });
  await expect(address).toHaveValue(new RegExp(`^${e2eServer.url}/s/[A-Za-z0-9_-]{43}$`));
  await expect(address).toBeFocused(); // the form that had focus is gone
  return { dialog, url: await address.inputValue() };
}

/** A browser context with no session at all, as the person who receives the link has. */
async function stranger(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

test("share from the dashboard; a stranger downloads the same bytes under the Unicode name; the owner downloads without a link", async ({ page, browser }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  const bytes = randomBytes(300 * 1024 + 7);
  await signInUi(page, await signUpTrustedApi(page.request)); // review is on: a trusted user's files can be shared at once
  await dropFiles(page.getByRole("region", { name: "Upload files" }), [{ name: NAME, type: "application/pdf", bytes }]);
  await expect(page.getByTestId("upload-state")).toHaveText("Uploaded");
  await page.reload();

  const { dialog, url } = await createLinkInUi(page, NAME, async (form) => {
    await form.getByLabel("Expires after").selectOption({ label: "1 hour" });
  });
  await expect(dialog.getByRole("img", { name: /QR code of the share link/ })).toBeVisible();
  await dialog.getByRole("button", { name: "Copy link" }).click();
  await expect(dialog.getByRole("status")).toHaveText("Link copied to the clipboard.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  const row = dialog.getByRole("table", { name: "Links to this file" }).getByRole("row").nth(1);
  await expect(row).toContainText("active");
  await expect(row).toContainText("0 / ∞");
  await expect(row).toContainText(/in (59|60) min/);

  const visitor = await stranger(browser);
  const opened = await visitor.goto(url);
  expect(opened?.status()).toBe(200);
  await expect(visitor.getByRole("heading", { name: NAME })).toBeVisible();
  await expect(visitor.locator("dl")).toContainText("Second User");
  await expect(visitor.locator("dl")).toContainText("300 KB");
  await expect(visitor.locator("dl")).toContainText("application/pdf");
  const [download] = await Promise.all([visitor.waitForEvent("download"), visitor.getByRole("button", { name: "Download" }).click()]);
  expect(download.suggestedFilename()).toBe(savedName(NAME));
  expect(await downloadedBytes(download)).toEqual(bytes);
  // What S3 sends: the exact name, quotes included, in RFC 6266 filename*.
  const redirect = await visitor.request.post(`${new URL(url).pathname}/download`, { maxRedirects: 0 });
  const disposition = must((await fetch(redirect.headers()["location"])).headers.get("content-disposition"), "a Content-Disposition from storage");
  expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1])).toBe(NAME);
  await visitor.context().close();

  // Reopening the dialog shows both downloads (the page's and the header check's).
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(page.getByRole("button", { name: `Share ${NAME}` })).toBeFocused();
  await page.getByRole("button", { name: `Share ${NAME}` }).click();
  await expect(page.getByRole("dialog").getByRole("row").nth(1)).toContainText("2 / ∞");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();

  const [own] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: `Download ${NAME}` }).click()]);
  expect(own.suggestedFilename()).toBe(savedName(NAME));
  expect(await downloadedBytes(own)).toEqual(bytes);
});

test("password link: the page hides the file, a wrong password is refused, the right one downloads; revoked: 410 page", async ({ page, browser }) => {
  const bytes = randomBytes(40_000);
  const name = `contract-${Date.now()}.pdf`;
  const account = await signUpTrustedApi(page.request);
  await signInApi(page.request, account);
  await uploadViaApi(page.request, { name, type: "application/pdf", bytes });
  await page.goto("/uploads"); // page.request shares the context's cookies: signed in already
  const { dialog, url } = await createLinkInUi(page, name, async (form) => {
    await form.getByLabel("Download limit (optional)").fill("5");
    await form.getByLabel("Password (optional)").fill("correct horse battery");
  });

  const visitor = await stranger(browser);
  await visitor.goto(url);
  await expect(visitor.getByRole("heading", { name: "A file protected by a password" })).toBeVisible();
  await expect(visitor.locator("body")).not.toContainText(name);
  await expect(visitor.locator("dl")).toContainText("Downloads left5");
  await visitor.getByLabel("Password").fill("Tr0ub4dor&3");
  const [refused] = await Promise.all([visitor.waitForResponse((r) => r.url().endsWith("/download")), visitor.getByRole("button", { name: "Download" }).click()]);
  expect(refused.status()).toBe(403);
  await expect(visitor.getByRole("alert")).toHaveText("That password is not right.");
  await expect(visitor.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
  await visitor.getByLabel("Password").fill("correct horse battery");
  const [download] = await Promise.all([visitor.waitForEvent("download"), visitor.getByRole("button", { name: "Download" }).click()]);
  expect(download.suggestedFilename()).toBe(name);
  expect(await downloadedBytes(download)).toEqual(bytes);

  page.once("dialog", (confirm) => void confirm.accept());
  await dialog.getByRole("button", { name: "Revoke" }).click();
  await expect(dialog.getByRole("row").nth(1)).toContainText("revoked");
  await expect(dialog.getByRole("status")).toHaveText("Link revoked: it no longer works.");
  await expect(dialog.getByRole("heading", { name: "Links" })).toBeFocused();
  const gone = await visitor.goto(url);
  expect(gone?.status()).toBe(410);
  await expect(visitor.getByRole("heading", { name: "This link can no longer be used" })).toBeVisible();
  await expect(visitor.getByRole("alert")).toHaveText("This link was revoked by the person who shared it.");
  await visitor.context().close();
});

test("a link that expires in a few seconds answers 410 once it has expired; unknown tokens 404", async ({ page, browser }) => {
  const account = await signUpTrustedApi(page.request);
  await signInApi(page.request, account);
  const id = await uploadViaApi(page.request, { name: "brief.txt", type: "text/plain", bytes: Buffer.from("short-lived\n") });
  await waitUntilProcessed(page.request, id);
  const created = await page.request.post(`/api/uploads/${id}/links`, { data: { expiresInSeconds: 5 } });
  expect(created.status()).toBe(201);
  const { url, link } = await created.json();

  const visitor = await stranger(browser);
  expect((await visitor.goto(url))?.status()).toBe(200);
  await expect(visitor.locator("dl")).toContainText(/Expiresin \d s/);
  await new Promise((resolve) => setTimeout(resolve, new Date(link.expiresAt).getTime() + 500 - Date.now()));
  const [expired] = await Promise.all([visitor.waitForResponse((r) => r.url().endsWith("/download")), visitor.getByRole("button", { name: "Download" }).click()]);
  expect(expired.status()).toBe(410);
  await expect(visitor.getByRole("alert")).toHaveText("This link has expired.");
  expect((await visitor.goto(url))?.status()).toBe(410);
  const unknown = await visitor.goto(`/s/${randomBytes(32).toString("base64url")}`);
  expect(unknown?.status()).toBe(404);
  await expect(visitor.getByRole("heading", { name: "This link does not exist" })).toBeVisible();
  await visitor.context().close();
});
