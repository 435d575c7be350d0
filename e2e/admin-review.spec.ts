import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { must } from "../tests/support/must";
import { objectExists, objectKeyOf } from "./support/bucket";
import { dropFiles } from "./support/drop-files";
import { solidPng } from "./support/png";
import { e2eServer } from "./support/server";
import { admin, signInApi, signInUi, signUpApi, type Account } from "./support/session";
import { uploadViaApi, waitUntilProcessed } from "./support/uploads";

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The admin's review page in its own browser context, showing `owner`'s files only (other specs' files wait in the same queue). */
async function openQueue(page: Page, owner: Account, review = "Waiting for review (oldest first)") {
  await page.goto("/admin/review");
  const filters = page.getByRole("search", { name: "Filter the review queue" });
  await filters.getByLabel("Review state").selectOption({ label: review });
  await filters.getByLabel("Search").fill(owner.email);
  await filters.getByRole("button", { name: "Apply filters" }).click();
}

const queueRow = (page: Page, name: string) => page.getByRole("table", { name: "Files to review" }).getByRole("row", { name: new RegExp(escape(name)) });

async function reviewOf(owner: APIRequestContext, id: string) {
  const { upload } = await (await owner.get(`/api/uploads/${id}`)).json();
  return { review: upload.review, reviewNote: upload.reviewNote };
}

test("keyboard: j and k move through the queue, a approves, r rejects with a note, x selects; keys typed in fields are left alone", async ({ page, playwright }) => {
  const owner = await playwright.request.newContext({ baseURL: e2eServer.url });
  const account = await signUpApi(owner);
  await signInApi(owner, account);
  const names = ["k-first.txt", "k-second.txt", "k-third.txt"];
  const ids: string[] = [];
  for (const name of names) ids.push(await uploadViaApi(owner, { name, type: "text/plain", bytes: Buffer.from(`${name}\n`) }));
  for (const id of ids) await waitUntilProcessed(owner, id); // approval waits for the virus scan

  await signInUi(page, admin);
  await openQueue(page, account);
  const rows = names.map((name) => queueRow(page, name));
  await expect(rows[2]).toBeVisible(); // oldest first: the order they were uploaded in

  // Typing in the search field is typing, not a shortcut.
  const search = page.getByRole("search", { name: "Filter the review queue" }).getByLabel("Search");
  await search.focus();
  await page.keyboard.press("j");
  await expect(search).toHaveValue(`${account.email}j`);
  await expect(page.locator("tr[aria-current]")).toHaveCount(0);
  await search.fill(account.email);
  await search.blur();

  await page.keyboard.press("j");
  await expect(rows[0]).toHaveAttribute("aria-current", "true");
  await expect(rows[0]).toBeFocused();
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await expect(rows[2]).toHaveAttribute("aria-current", "true");
  await page.keyboard.press("k");
  await page.keyboard.press("k");
  await expect(rows[0]).toHaveAttribute("aria-current", "true");
  await expect(page.getByRole("status").filter({ hasText: "file 1 of 3" })).toBeVisible();

  await page.keyboard.press("a");
  await expect(rows[0]).toContainText("Approved");
  await expect(page.getByRole("status").filter({ hasText: `Approved “${names[0]}”.` })).toBeVisible();
  expect(await reviewOf(owner, ids[0])).toEqual({ review: "APPROVED", reviewNote: null });

  await page.keyboard.press("j");
  await page.keyboard.press("r");
  const dialog = page.getByRole("dialog", { name: `Reject “${names[1]}”` });
  await expect(dialog.getByLabel(/^Note for the owner/)).toBeFocused();
  await page.keyboard.press("Enter"); // an empty note is refused in the page
  await expect(dialog.getByRole("alert")).toHaveText("Write a note: the owner sees it with the rejection.");
  await page.keyboard.type("Not a text file I can accept");
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(rows[1]).toContainText("Rejected");
  await expect(rows[1]).toContainText("“Not a text file I can accept”");
  expect(await reviewOf(owner, ids[1])).toEqual({ review: "REJECTED", reviewNote: "Not a text file I can accept" });

  // Escape cancels a rejection: nothing changes.
  await page.keyboard.press("j");
  await page.keyboard.press("r");
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();
  expect((await reviewOf(owner, ids[2])).review).toBe("PENDING");

  await page.keyboard.press("x");
  await expect(rows[2].getByRole("checkbox", { name: `Select ${names[2]}` })).toBeChecked();
  await page.getByRole("button", { name: "Approve selected" }).click();
  await expect(page.getByRole("region", { name: "Results" })).toContainText(`${names[2]}: Approved`);
  await expect(rows[2]).toContainText("Approved");
  expect((await reviewOf(owner, ids[2])).review).toBe("APPROVED");
  await expect(page.getByRole("group", { name: "Selected files" })).toContainText("0 selected");
  await owner.dispose();
});

/** Waits for a file dropped on the dashboard to finish; returns its upload id. */
async function dropAndWait(page: Page, file: { name: string; type: string; bytes: Buffer }): Promise<string> {
  await dropFiles(page.getByRole("region", { name: "Upload files" }), [file]);
  const item = page.getByRole("listitem").filter({ hasText: file.name });
  await expect(item.getByTestId("upload-state")).toHaveText("Uploaded");
  return must(await item.getAttribute("data-upload-id"), `an upload id for ${file.name}`);
}

/** What the share link's download answers a stranger: the status, and the bytes when it redirects to them. */
async function fetchLink(stranger: APIRequestContext, url: string) {
  const response = await stranger.get(`${new URL(url).pathname}/download`, { maxRedirects: 0 });
  if (response.status() !== 302) return { status: response.status(), code: (await response.json()).error.code };
  return { status: 302, bytes: Buffer.from(await (await fetch(response.headers()["location"])).arrayBuffer()) };
}

test("review: the preview starts blurred until Reveal; an approved file is shared byte for byte; a rejected one loses its links and leaves its key", async ({
  page,
  browser,
  playwright,
}) => {
  const account = await signUpApi(page.request);
  await signInUi(page, account);
  const stranger = await playwright.request.newContext({ baseURL: e2eServer.url });
  const first = { name: `review-${Date.now()}.png`, type: "image/png", bytes: solidPng([220, 40, 40]) };
  const firstId = await dropAndWait(page, first);
  await waitUntilProcessed(page.request, firstId); // approval waits for the virus scan

  // Waiting for review: the owner sees so, and cannot share it yet.
  await page.reload();
  const ownRow = (name: string) => page.getByRole("table", { name: "Your files" }).getByRole("row", { name: new RegExp(escape(name)) });
  await expect(ownRow(first.name)).toContainText("Waiting for review");
  await expect(ownRow(first.name)).toContainText("Shareable once approved");
  await expect(ownRow(first.name).getByRole("button", { name: `Share ${first.name}` })).toHaveCount(0);
  const early = await page.request.post(`/api/uploads/${firstId}/links`, { data: { expiresInSeconds: 600 } });
  expect([early.status(), (await early.json()).error.code]).toEqual([409, "upload_pending_review"]);

  // The admin finds it in the queue; the preview is the real image, blurred until Reveal.
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signInUi(adminPage, admin);
  await openQueue(adminPage, account);
  await expect(queueRow(adminPage, first.name)).toContainText("Waiting for review");
  await queueRow(adminPage, first.name)
    .getByRole("button", { name: `Preview ${first.name}` })
    .click();
  const preview = adminPage.getByRole("region", { name: `Preview: ${first.name}` });
  await expect(preview.getByRole("heading", { name: `Preview: ${first.name}` })).toBeFocused();
  // A wide screen keeps the preview beside the queue, not below it.
  await adminPage.setViewportSize({ width: 1366, height: 800 });
  const [row, panel] = await Promise.all([queueRow(adminPage, first.name).boundingBox(), preview.boundingBox()]);
  expect(panel && row && panel.x >= row.x + 200 && panel.y < row.y + row.height).toBe(true);
  const image = preview.getByRole("img", { name: `Preview of ${first.name}` });
  await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBe(64);
  expect(await image.evaluate((element) => getComputedStyle(element).filter)).toBe("blur(24px)");
  await preview.getByRole("button", { name: /Reveal/ }).click();
  await expect.poll(() => image.evaluate((element) => getComputedStyle(element).filter)).toBe("none");

  // Approved by the admin: the owner can share it, and the link serves exactly the uploaded bytes.
  await preview.getByRole("button", { name: `Approve ${first.name}` }).click();
  await expect(queueRow(adminPage, first.name)).toContainText("Approved");
  const approvedLink = await page.request.post(`/api/uploads/${firstId}/links`, { data: { expiresInSeconds: 600 } });
  expect(approvedLink.status()).toBe(201);
  const approvedUrl: string = (await approvedLink.json()).url;
  expect(await fetchLink(stranger, approvedUrl)).toEqual({ status: 302, bytes: first.bytes });
  // A human approval is final: rejecting it now is refused with who decided.
  await queueRow(adminPage, first.name)
    .getByRole("button", { name: `Reject ${first.name}` })
    .click();
  await adminPage.getByRole("dialog").getByRole("textbox").fill("Changed my mind");
  await adminPage.keyboard.press("Enter");
  await expect(queueRow(adminPage, first.name).getByRole("alert")).toHaveText(/^This file was already approved by .+\.$/);

  // A trusted uploader's file is approved at completion and can be shared at once; an admin can still take it down.
  const userId = (await (await adminPage.request.get(`/api/admin/users?q=${encodeURIComponent(account.email)}`)).json()).items[0].id;
  expect((await adminPage.request.patch(`/api/admin/users/${userId}`, { data: { trusted: true } })).status()).toBe(200);
  const second = { name: `trusted-${Date.now()}.png`, type: "image/png", bytes: solidPng([40, 40, 220]) };
  const secondId = await dropAndWait(page, second);
  await waitUntilProcessed(page.request, secondId);
  const sharedLink = await page.request.post(`/api/uploads/${secondId}/links`, { data: { expiresInSeconds: 600 } });
  expect(sharedLink.status()).toBe(201);
  const { url } = await sharedLink.json();
  expect(await fetchLink(stranger, url)).toEqual({ status: 302, bytes: second.bytes });
  const key = must(await objectKeyOf(secondId), "the second file's object");

  await openQueue(adminPage, account, "Approved");
  await queueRow(adminPage, second.name)
    .getByRole("button", { name: `Reject ${second.name}` })
    .click();
  const dialog = adminPage.getByRole("dialog", { name: `Reject “${second.name}”` });
  await dialog.getByLabel(/^Note for the owner/).fill("Contains personal data");
  await adminPage.keyboard.press("Enter");
  await expect(queueRow(adminPage, second.name)).toContainText("Rejected");
  await expect(adminPage.getByRole("status").filter({ hasText: `Rejected “${second.name}”.` })).toBeVisible();

  // The owner sees the rejection and its note; the link answers 410; the object left its key (for quarantine/).
  await page.reload();
  await expect(ownRow(second.name)).toContainText("Rejected: Contains personal data");
  await expect(ownRow(second.name).getByRole("button", { name: `Share ${second.name}` })).toHaveCount(0);
  expect(await fetchLink(stranger, url)).toEqual({ status: 410, code: "link_file_gone" });
  expect(await objectExists(key)).toBe(false);
  expect(await objectExists(`quarantine/${key}`)).toBe(true);
  // The approved first file is untouched.
  expect(await fetchLink(stranger, approvedUrl)).toMatchObject({ status: 302 });
  await adminContext.close();
  await stranger.dispose();
});
