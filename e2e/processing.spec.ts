import { randomBytes } from "node:crypto";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { eicarBytes } from "../tests/support/scan-samples";
import { must } from "../tests/support/must";
import { sha256 } from "./support/bucket";
import { dropFiles, type FileSpec } from "./support/drop-files";
import { solidPng } from "./support/png";
import { e2eServer } from "./support/server";
import { admin, signInApi, signInUi, signUpApi } from "./support/session";
import { signUpTrustedApi } from "./support/trust";
import { uploadViaApi, waitUntilProcessed } from "./support/uploads";

// The e2e server scans with a real clamd (scripts/run-tests.sh), loaded with Slipway's own test signatures.

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const fileRow = (page: Page, name: string) => page.getByRole("table", { name: "Your files" }).getByRole("row", { name: new RegExp(escape(name)) });

/** Drops one file on the dashboard and waits until it is uploaded; returns its upload id. */
async function dropOne(page: Page, file: FileSpec): Promise<string> {
  await dropFiles(page.getByRole("region", { name: "Upload files" }), [file]);
  const item = page.getByRole("listitem").filter({ hasText: file.name });
  await expect(item.getByTestId("upload-state")).toHaveText("Uploaded");
  return must(await item.getAttribute("data-upload-id"), `an upload id for ${file.name}`);
}

/** The number a definition list inside `region` shows for exactly `term`. */
async function countOf(region: Locator, term: string): Promise<number> {
  const entry = region.locator("dl > div").filter({
    has: region
      .page()
      .getByRole("term")
      .filter({ hasText: new RegExp(`^${escape(term)}$`) }),
  });
  return Number((await entry.getByRole("definition").textContent())?.replace(/\D/g, ""));
}

test("the dashboard shows processing live: a PNG's thumbnail, “Clean” and SHA-256; an EICAR file is quarantined and tops the admin's queue with its signature; the scanner is up", async ({
  page,
  browser,
}) => {
  const account = await signUpApi(page.request); // not trusted: both files wait for review, so the queue shows them both
  await signInUi(page, account);
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  const png = { name: `checked-${Date.now()}.png`, type: "image/png", bytes: solidPng([30, 160, 90], 96) };
  const eicar = { name: `eicar-${Date.now()}.txt`, type: "text/plain", bytes: eicarBytes() };
  // The PNG first: the pending queue is oldest first, so only the virus can put the EICAR file above it.
  await dropOne(page, png);
  const eicarId = await dropOne(page, eicar);

  // Without a reload, the list turns "Checking…" into the verdict, and the thumbnail appears and loads.
  const pngRow = fileRow(page, png.name);
  await expect(pngRow).toContainText("Clean", { timeout: 60_000 });
  const thumbnail = pngRow.getByRole("img", { name: `Thumbnail of ${png.name}` });
  await expect(thumbnail).toBeVisible();
  await thumbnail.scrollIntoViewIfNeeded(); // it loads lazily
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBeGreaterThan(0);
  await expect(pngRow.getByRole("textbox", { name: `SHA-256 of ${png.name}` })).toHaveValue(sha256(png.bytes));
  await expect(pngRow).toContainText("Shareable once approved");
  await expect(pngRow.getByRole("link", { name: `Download ${png.name}` })).toBeVisible();

  const eicarRow = fileRow(page, eicar.name);
  await expect(eicarRow).toContainText("Virus found: ", { timeout: 60_000 });
  const infected = await waitUntilProcessed(page.request, eicarId);
  expect(infected).toMatchObject({ availability: "infected", processing: { state: "infected", sha256: sha256(eicar.bytes) } });
  const signature = must(infected.processing?.scan.signature, "the name of the signature that matched");
  expect(signature).toMatch(/EICAR/);
  await expect(eicarRow).toContainText(`Virus found: ${signature}`);
  await expect(eicarRow).toContainText("Quarantined: nobody can download or share this file.");
  await expect(eicarRow.getByRole("img")).toHaveCount(0);
  await expect(eicarRow.getByRole("button", { name: `Share ${eicar.name}` })).toHaveCount(0);
  await expect(eicarRow.getByRole("link", { name: `Download ${eicar.name}` })).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);

  // The admin's pending queue: the infected file first, marked with its signature, though it came second.
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signInUi(adminPage, admin);
  await adminPage.goto("/admin/review");
  const filters = adminPage.getByRole("search", { name: "Filter the review queue" });
  await filters.getByLabel("Search").fill(account.email);
  await filters.getByRole("button", { name: "Apply filters" }).click();
  const rows = adminPage.getByRole("table", { name: "Files to review" }).getByRole("row");
  await expect(rows).toHaveCount(1 + 2);
  await expect(rows.nth(1)).toContainText(eicar.name);
  await expect(rows.nth(1)).toContainText(`Virus found: ${signature}`);
  await expect(rows.nth(2)).toContainText(png.name);

  // The pane says it loudly, with the hash; approving is refused with the server's reason.
  await rows
    .nth(1)
    .getByRole("button", { name: `Preview ${eicar.name}` })
    .click();
  const pane = adminPage.getByRole("region", { name: `Preview: ${eicar.name}` });
  await expect(pane).toContainText(`Virus found: ${signature}. The file is quarantined`);
  await expect(pane.getByText(sha256(eicar.bytes), { exact: true })).toBeVisible();
  await pane.getByRole("button", { name: `Approve ${eicar.name}` }).click();
  const refusal = await adminPage.request.post(`/api/admin/uploads/${eicarId}/review`, { data: { decision: "approve" } });
  const { code, message } = (await refusal.json()).error;
  expect([refusal.status(), code]).toEqual([409, "upload_infected"]);
  await expect(pane).toContainText(message);

  // Scan again: announced when asked, and again with the verdict once the new scan is done.
  await pane.getByRole("button", { name: "Scan again" }).click();
  const live = adminPage.getByRole("status").filter({ hasText: eicar.name });
  await expect(live).toHaveText(`“${eicar.name}” will be scanned again.`);
  await expect(live).toHaveText(`“${eicar.name}” was checked: Virus found: ${signature}.`, { timeout: 60_000 });

  // The stats: the scanner answers, the infected file is counted; re-scanning everything asks first.
  await adminPage.goto("/admin");
  const panel = adminPage.getByRole("region", { name: "Processing" });
  await expect(panel).toContainText("Virus scanner: working (clamd answers).");
  expect(await countOf(panel, "Virus found")).toBeGreaterThanOrEqual(1);
  const posts: string[] = [];
  adminPage.on("request", (request) => void (request.method() === "POST" && posts.push(request.url())));
  let question = "";
  adminPage.once("dialog", (dialog) => {
    question = dialog.message();
    void dialog.dismiss();
  });
  await panel.getByRole("button", { name: "Scan every file again" }).click();
  await expect.poll(() => question).toMatch(/^Scan every file again\?/);
  expect(posts).toEqual([]); // dismissed: nothing was queued
  await adminContext.close();
});

test("the share page shows the SHA-256 to check the download against; while the file is scanned again its link answers a 409 page that says so", async ({
  page,
  browser,
  playwright,
}) => {
  const account = await signUpTrustedApi(page.request);
  await signInApi(page.request, account);
  const bytes = randomBytes(5000);
  const id = await uploadViaApi(page.request, { name: "checked.bin", type: "application/octet-stream", bytes });
  expect(await waitUntilProcessed(page.request, id)).toMatchObject({ availability: "available", processing: { state: "clean", sha256: sha256(bytes) } });
  const created = await page.request.post(`/api/uploads/${id}/links`, { data: { expiresInSeconds: 600 } });
  expect(created.status()).toBe(201);
  const { url } = await created.json();

  const visitor = await (await browser.newContext()).newPage();
  expect((await visitor.goto(url))?.status()).toBe(200);
  await expect(visitor.locator("dl")).toContainText(`SHA-256${sha256(bytes)}`);
  await expect(visitor.getByText("Check the file you get")).toContainText("sha256sum");

  // An admin asks for a new scan: until it is done the link answers 409 with a page. The scan of
  // 5 KB can finish before the page is asked for, so ask again (each time it is queued anew).
  const adminApi = await playwright.request.newContext({ baseURL: e2eServer.url });
  await signInApi(adminApi, admin);
  let status = 0;
  for (let attempt = 0; attempt < 5 && status !== 409; attempt++) {
    expect((await adminApi.post(`/api/admin/uploads/${id}/rescan`)).status()).toBe(202);
    status = (await visitor.goto(url))?.status() ?? 0;
  }
  expect(status).toBe(409);
  await expect(visitor.getByRole("heading", { name: "This file is being checked" })).toBeVisible();
  await expect(visitor.getByRole("alert")).toContainText("being checked for viruses");
  await expect(visitor.locator("body")).toContainText("this link works again as soon as the check is done");

  await waitUntilProcessed(page.request, id);
  expect((await visitor.goto(url))?.status()).toBe(200);
  await visitor.context().close();
  await adminApi.dispose();
});
