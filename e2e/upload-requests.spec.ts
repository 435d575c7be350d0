import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { dropTree } from "./support/drop-files";
import { e2eServer } from "./support/server";
import { signInApi, signInUi, signUpApi, type Account } from "./support/session";

// Upload requests from both sides: a guest without a session sends files through the link's page
// (same engine as the dashboard), the requester makes, lists and revokes requests and sees what arrived.

const phone = { width: 390, height: 844 };
let owner: Account;
let ownerApi: APIRequestContext;

test.beforeAll(async ({ playwright }) => {
  ownerApi = await playwright.request.newContext({ baseURL: e2eServer.url });
  owner = await signUpApi(ownerApi); // named "Second User"
  await signInApi(ownerApi, owner);
});

test.afterAll(() => ownerApi.dispose());

/** A request made over the API (the form is tested on its own); returns its address path. */
async function createRequest(input: Record<string, unknown>): Promise<{ id: string; path: string }> {
  const created = await ownerApi.post("/api/requests", { data: { expiresInSeconds: 3600, ...input } });
  expect(created.status(), await created.text()).toBe(201);
  const { request, url } = await created.json();
  expect(url).toMatch(new RegExp(`^${e2eServer.url}/r/[A-Za-z0-9_-]+$`));
  return { id: request.id, path: new URL(url).pathname };
}

/** A phone-sized browser with no session at all, as whoever gets the link has (pages.spec measures the fit). */
async function guestPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: phone });
  return context.newPage();
}

const stateOf = (page: Page, name: string) => page.getByRole("listitem").filter({ hasText: name }).getByTestId("upload-state");

test("a guest without a session sends two files and a folder with an empty file; the requester sees them as received", async ({ browser }) => {
  const { path } = await createRequest({ label: "Holiday photos", message: "The ones from the boat, please.", askName: true });
  const guest = await guestPage(browser);
  const answer = await guest.goto(path);
  expect(answer?.status()).toBe(200);
  await expect(guest.getByRole("heading", { level: 1, name: "Holiday photos" })).toBeVisible();
  await expect(guest.getByText("Second User asks you for files")).toBeVisible();
  await expect(guest.getByText("The ones from the boat, please.")).toBeVisible();
  // Open for an hour: "59 min …" left, or "1 h 0 min" when the page shows within half a second.
  await expect(guest.getByText(/in (59 min|1 h 0 min)/)).toBeVisible();

  const zone = guest.getByRole("region", { name: "Upload files" });
  await dropTree(zone, { "a.txt": "first\n", notes: { "b.txt": "second\n" } });
  await expect(zone.getByRole("alert")).toHaveText(/Enter your name first/);
  await expect(guest.getByLabel("Your name")).toBeFocused();
  await expect(guest.getByRole("list", { name: "Uploads in progress" })).toHaveCount(0);

  await guest.getByLabel("Your name").fill("Ada Guest");
  await dropTree(zone, { "one.txt": "one\n", "two.txt": "two, a little longer\n", project: { ".gitkeep": "", "readme.txt": "read me\n" } });
  for (const name of ["one.txt", "two.txt", "project/.gitkeep", "project/readme.txt"]) await expect(stateOf(guest, name)).toHaveText("Uploaded");
  await guest.context().close();

  // What the requester's API says, then what the dashboard shows.
  const { items } = await (await ownerApi.get("/api/uploads")).json();
  const received = items.filter((item: { receivedVia: { label: string } | null }) => item.receivedVia?.label === "Holiday photos");
  expect(received.map((item: { name: string; size: number; receivedVia: { guestName: string } }) => [item.name, item.size, item.receivedVia.guestName]).sort()).toEqual([
    [".gitkeep", 0, "Ada Guest"],
    ["one.txt", 4, "Ada Guest"],
    ["readme.txt", 8, "Ada Guest"],
    ["two.txt", 21, "Ada Guest"],
  ]);
  const context = await browser.newContext();
  const requester = await context.newPage();
  await signInUi(requester, owner);
  await expect(requester.locator("[data-upload-id]").filter({ hasText: "one.txt" })).toContainText(/Received via Holiday photos.*Ada Guest/);
  await context.close();
});

test("a request for 2 files refuses a third in words; a password request refuses a wrong password, then takes files", async ({ browser }) => {
  const guest = await guestPage(browser);
  const two = await createRequest({ label: "Two files", maxFiles: 2 });
  await guest.goto(two.path);
  await expect(guest.getByText("2 files more (it takes 2 files in all)")).toBeVisible();
  await dropTree(guest.getByRole("region", { name: "Upload files" }), { "1.txt": "1", "2.txt": "2", "3.txt": "3" });
  const states = guest.getByTestId("upload-state");
  await expect(states.filter({ hasText: "Uploaded" })).toHaveCount(2);
  await expect(states.filter({ hasText: "Failed" })).toHaveCount(1);
  await expect(
    guest
      .getByRole("listitem")
      .filter({ has: states.filter({ hasText: "Failed" }) })
      .getByRole("alert"),
  ).toHaveText("This request accepts 2 files and has them all.");
  await expect(guest.getByText("no more (it takes 2 files in all)")).toBeVisible(); // read again after the uploads

  const locked = await createRequest({ label: "Contract", password: "correct horse battery" });
  await guest.goto(locked.path);
  await expect(guest.getByRole("region", { name: "Upload files" })).toHaveCount(0);
  await guest.getByLabel("Password").fill("wrong password");
  await guest.getByRole("button", { name: "Continue" }).click();
  await expect(guest.getByRole("alert").filter({ hasText: "That password is not right." })).toBeVisible();
  await expect(guest.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
  await guest.getByLabel("Password").fill("correct horse battery");
  await guest.keyboard.press("Enter");
  await dropTree(guest.getByRole("region", { name: "Upload files" }), { "signed.txt": "signed\n" });
  await expect(stateOf(guest, "signed.txt")).toHaveText("Uploaded");
  await guest.context().close();
});

// Expiry takes a minute at least: tests/integration/request-page-status.test.ts shows the expired page (and 429).
test("unknown and revoked request links answer 404 and 410 as pages", async ({ browser }) => {
  const guest = await guestPage(browser);
  const { id, path } = await createRequest({ label: "Soon revoked" });
  expect((await guest.goto(path))?.status()).toBe(200);
  expect((await ownerApi.delete(`/api/requests/${id}`)).status()).toBe(204);
  const revoked = await guest.goto(path);
  expect(revoked?.status()).toBe(410);
  await expect(guest.getByRole("heading", { name: "This request link can no longer be used" })).toBeVisible();
  const unknown = await guest.goto(`/r/${"x".repeat(43)}`);
  expect(unknown?.status()).toBe(404);
  await expect(guest.getByRole("heading", { name: "This request link does not exist" })).toBeVisible();
  await guest.context().close();
});

test("the requester makes a request in /requests, copies its address once, sees it listed and revokes it", async ({ browser }) => {
  const context = await browser.newContext({ viewport: phone });
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const page = await context.newPage();
  await signInUi(page, owner);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Requests" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Upload requests" })).toBeVisible();

  const form = page.getByRole("form", { name: "New upload request" });
  await form.getByRole("button", { name: "Create request link" }).click();
  await expect(form.getByRole("alert")).toHaveText(/Give the request a name/);
  await expect(form.getByLabel("Name of the request")).toBeFocused();
  await form.getByLabel("Name of the request").fill("Scans for the bank");
  await form.getByLabel("Open for").selectOption({ label: "1 day" });
  await form.getByLabel("Most files (optional)").fill("3");
  await form.getByLabel("Size per file (optional) amount").fill("20");
  await form.getByLabel("Types of files").selectOption({ label: "PDFs" });
  await form.getByLabel("Their name (required)").check();
  await form.getByRole("button", { name: "Create request link" }).click();

  const address = page.getByRole("textbox", { name: "Request link address" });
  await expect(address).toHaveValue(new RegExp(`^${e2eServer.url}/r/[A-Za-z0-9_-]+$`));
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByRole("status")).toHaveText("Link copied to the clipboard.");
  const url = await address.inputValue();
  const card = page.getByRole("listitem").filter({ hasText: "Scans for the bank" });
  await expect(card).toContainText("active");
  await expect(card).toContainText("at most 3 files · 20.0 MB each · PDFs · asks the name");

  page.once("dialog", (dialog) => void dialog.accept());
  await card.getByRole("button", { name: "Revoke Scans for the bank" }).click();
  await expect(card).toContainText("revoked");
  await expect(page.getByRole("status")).toHaveText("Request revoked: its link no longer takes files.");
  expect((await page.request.get(new URL(url).pathname)).status()).toBe(410);
  await context.close();
});
