import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { formatBytes } from "../lib/format-bytes";
import { solidPng } from "./support/png";
import { e2eServer } from "./support/server";
import { signInApi, signUpApi } from "./support/session";
import { uploadViaApi } from "./support/uploads";

// The dashboard (issue 13) in one signed-in page, the tests one after the other on the same
// files, made through the API: search, sort, filters and folders; bulk delete; the storage
// meter after an upload; the list as cards on a 390 px wide phone.
test.describe.configure({ mode: "serial" });

const text = (size: number) => Buffer.from("x".repeat(size));
const FILES = [
  { name: "alpha report.txt", type: "text/plain", bytes: text(3000) },
  { name: "Beta photo.png", type: "image/png", bytes: solidPng([200, 40, 40]) },
  { name: "gamma report.pdf", type: "application/pdf", bytes: text(9000) },
  { name: "epsilon.txt", type: "text/plain", bytes: text(100) },
  { name: "delta.txt", type: "text/plain", bytes: text(500), folder: "photos/2024" },
];

let page: Page;
const table = () => page.getByRole("table", { name: "Your files" });
/** The names of the files listed, in order (folders apart). */
const listed = () => table().locator("tr[data-upload-id] th").allInnerTexts();
const controls = () => page.getByRole("search", { name: "Search and sort your files" });

test.beforeAll(async ({ browser }) => {
  page = await (await browser.newContext({ baseURL: e2eServer.url })).newPage();
  await signInApi(page.request, await signUpApi(page.request));
  for (const file of FILES) await uploadViaApi(page.request, file);
});

test.afterAll(() => page.context().close());

test("search, sort and filter narrow the list; folders open by link or key, with a breadcrumb, and back comes out", async () => {
  await page.goto("/uploads");
  await expect.poll(listed).toEqual(["epsilon.txt", "gamma report.pdf", "Beta photo.png", "alpha report.txt"]);
  await expect(table().getByRole("link", { name: "Folder photos, 1 file" })).toBeVisible();

  await controls().getByLabel("Name contains").fill("REPORT");
  await controls().getByRole("button", { name: "Show files" }).click();
  await expect.poll(listed).toEqual(["gamma report.pdf", "alpha report.txt"]);
  await expect(page).toHaveURL(/q=REPORT/);
  await controls().getByLabel("Sort").selectOption({ label: "Name, A to Z" });
  await controls().getByRole("button", { name: "Show files" }).click();
  await expect.poll(listed).toEqual(["alpha report.txt", "gamma report.pdf"]);

  await controls().getByLabel("Name contains").fill("");
  await controls().getByLabel("Type").selectOption("documents");
  await controls().getByRole("button", { name: "Show files" }).click();
  // A search looks in every folder, and says where each file is.
  await expect.poll(listed).toEqual(["alpha report.txt", "photos/2024/delta.txt", "epsilon.txt", "gamma report.pdf"]);
  await controls().getByLabel("Sort").selectOption({ label: "Largest first" });
  await controls().getByLabel("Type").selectOption("images");
  await controls().getByRole("button", { name: "Show files" }).click();
  await expect.poll(listed).toEqual(["Beta photo.png"]);

  await controls().getByRole("button", { name: "Reset" }).click();
  await table().getByRole("link", { name: "Folder photos, 1 file" }).click();
  const crumbs = page.getByRole("navigation", { name: "Folder" });
  await expect(crumbs).toHaveText(/Uploads\s*\/?\s*photos/);
  const inner = table().getByRole("link", { name: "Folder 2024, 1 file" });
  await inner.focus();
  await page.keyboard.press("Enter");
  await expect(crumbs.locator("[aria-current]")).toHaveText("2024");
  // The link that had focus is gone with the list: the keyboard carries on from the list's heading.
  await expect(page.getByRole("heading", { name: "Files in photos/2024" })).toBeFocused();
  await expect.poll(listed).toEqual(["delta.txt"]);
  await page.goBack();
  await expect(page).toHaveURL(/folder=photos$/);
  await expect(inner).toBeVisible();
  await crumbs.getByRole("link", { name: "Uploads" }).click();
  await expect(table().getByRole("link", { name: "Folder photos, 1 file" })).toBeVisible();
});

test("bulk delete removes the selected files and says so for each", async () => {
  await page.goto("/uploads");
  await table().getByLabel("Select epsilon.txt").check();
  await table().getByLabel("Select alpha report.txt").check();
  await expect(page.getByRole("group", { name: "Selection" })).toContainText("2 selected");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Delete selected…" }).click();
  const results = page.getByRole("region", { name: "Results" });
  await expect(results).toContainText("epsilon.txt: deleted");
  await expect(results).toContainText("alpha report.txt: deleted");
  await expect.poll(listed).toEqual(["gamma report.pdf", "Beta photo.png"]);
  const { items } = await (await page.request.get("/api/uploads")).json();
  expect(items.map((item: { name: string }) => item.name).sort()).toEqual(["Beta photo.png", "delta.txt", "gamma report.pdf"]);
});

test("the storage meter moves after an upload, without a reload", async () => {
  await page.goto("/uploads");
  const figures = page.getByTestId("quota-figures");
  const before = (await (await page.request.get("/api/account/usage")).json()).usedBytes;
  await expect(figures).toContainText(`${formatBytes(before)} of ${formatBytes(e2eServer.quotaBytes)} used`);
  const bytes = randomBytes(300_000);
  await page.getByLabel("Choose files to upload").setInputFiles({ name: "meter.bin", mimeType: "application/octet-stream", buffer: bytes });
  await expect(page.getByRole("listitem").filter({ hasText: "meter.bin" }).getByTestId("upload-state")).toHaveText("Uploaded");
  await expect(figures).toContainText(`${formatBytes(before + bytes.length)} of ${formatBytes(e2eServer.quotaBytes)} used`);
});

test("on a 390 px wide phone the files are cards that fit, every action in reach", async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/uploads");
  await expect.poll(listed).toContain("gamma report.pdf");
  const wider = await page.evaluate(() =>
    [...document.querySelectorAll("body *")].flatMap((element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && (box.right > document.documentElement.clientWidth + 0.5 || box.left < -0.5) ? [`${element.tagName}.${element.className}`] : [];
    }),
  );
  expect(wider).toEqual([]);
  const row = table().locator("tr", { hasText: "gamma report.pdf" });
  for (const control of [
    row.getByLabel("Select gamma report.pdf"),
    row.getByRole("link", { name: "Download gamma report.pdf" }),
    row.getByRole("button", { name: "Delete gamma report.pdf" }),
  ]) {
    await control.scrollIntoViewIfNeeded();
    const box = await control.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
  }
  // A card: as wide as the list, its cells one under the other.
  const [card, size] = await Promise.all([row.boundingBox(), row.locator("td[data-label=Size]").boundingBox()]);
  expect(card && size && size.width > card.width / 2).toBe(true);
});

test("a file received through a request link is announced without a reload, and marked as received", async ({ playwright }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/uploads");
  const notice = page.locator(".received-notice");
  await expect(page.getByTestId("quota-figures")).toBeVisible();
  const created = await page.request.post("/api/requests", { data: { label: "Tax papers", expiresInSeconds: 3600 } });
  expect(created.status(), await created.text()).toBe(201);
  const token = new URL((await created.json()).url).pathname.split("/").pop();

  const guest = await playwright.request.newContext({ baseURL: e2eServer.url });
  const bytes = text(1234);
  const ticket = await (await guest.post(`/api/r/${token}/uploads`, { data: { name: "receipt.pdf", type: "application/pdf", size: bytes.length, guestName: "Eve" } })).json();
  expect((await fetch(ticket.url, { method: "PUT", headers: ticket.headers, body: new Uint8Array(bytes) })).status).toBe(200);
  expect((await guest.post(`/api/r/${token}/uploads/${ticket.upload.id}/complete`, { headers: { "X-Upload-Key": ticket.uploadKey } })).status()).toBe(200);
  await guest.dispose();

  // Coming back to the window reads it at once (otherwise the next 10-second poll does).
  await page.evaluate(() => window.dispatchEvent(new Event("focus")));
  await expect(notice).toHaveText(/1 new file received via Tax papers/);
  await expect(table().locator("tr", { hasText: "receipt.pdf" })).toContainText("Received via Tax papers from Eve");
  await notice.getByRole("button", { name: "Dismiss" }).click();
  await expect(notice).toBeEmpty();
  await page.reload();
  await expect(table().locator("tr", { hasText: "receipt.pdf" })).toBeVisible();
  await expect(notice).toBeEmpty();
});
