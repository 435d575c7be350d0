import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { dropFiles } from "./drop-files";
import { e2eServer } from "./server";
import { admin, signInApi, signUpApi, type Account } from "./session";
import { trustUser } from "./trust";
import { uploadViaApi, waitUntilProcessed } from "./uploads";

// A tour of every page a person can reach, in each state worth looking at, for the checks that
// must hold on all of them (pages.spec: axe-core and nothing wider than a phone).

// Long words without a break point are what push a layout wider than a phone.
const LONG_NAME = "quarterly-report-with-a-very-long-name-and-no-spaces-2024-final-final-v2.pdf";

export type Role = "visitor" | "user" | "admin";

export interface Seed {
  user: Account;
  /** A usable share link's path, and its file's name. */
  sharePath: string;
  /** A link to the same file that asks for a password (a form in the page). */
  passwordSharePath: string;
  sharedName: string;
  /** A file of a user who is not trusted: it waits in the admin's review queue. */
  pendingName: string;
  pendingEmail: string;
  /** The user's upload request that asks for a name (its page has the form, the drop zone and limits), and one with a password. */
  requestPath: string;
  passwordRequestPath: string;
}

export interface TourPage {
  name: string;
  role: Role;
  path: (seed: Seed) => string;
  /** Waits until the page shows what it is measured with (its rows, its dialog). */
  ready: (page: Page, seed: Seed) => Promise<void>;
}

const heading = (page: Page, name: string | RegExp) => expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();

// Earlier specs leave many files and users behind: search, so the seeded rows are on the first page.
async function queueRow(page: Page, seed: Seed) {
  await page.getByRole("search", { name: "Filter the review queue" }).getByLabel("Search").fill(seed.pendingName);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByRole("row", { name: new RegExp(seed.pendingName) })).toBeVisible();
}

async function userRow(page: Page, seed: Seed) {
  await page.getByRole("search", { name: "Find users" }).getByLabel("Search").fill(seed.pendingEmail);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  const row = page.getByRole("row", { name: new RegExp(seed.pendingEmail) });
  await expect(row).toBeVisible();
  return row;
}

/** Every page a phone can reach. Add new pages here. */
const PAGES: TourPage[] = [
  { name: "sign in", role: "visitor", path: () => "/signin", ready: (page) => heading(page, "Sign in to Slipway") },
  { name: "sign up", role: "visitor", path: () => "/signup", ready: (page) => heading(page, /Create/) },
  { name: "not found", role: "visitor", path: () => "/no-such-page", ready: (page) => heading(page, "Page not found") },
  { name: "share page", role: "visitor", path: (seed) => seed.sharePath, ready: (page, seed) => heading(page, seed.sharedName) },
  { name: "share page with a password", role: "visitor", path: (seed) => seed.passwordSharePath, ready: (page) => expect(page.getByLabel("Password")).toBeVisible() },
  { name: "share problem page", role: "visitor", path: () => `/s/${"A".repeat(43)}`, ready: (page) => heading(page, "This link does not exist") },
  {
    name: "upload request page, a file sent",
    role: "visitor",
    path: (seed) => seed.requestPath,
    ready: async (page) => {
      await page.getByLabel("Your name").fill("A guest with a rather long name");
      await dropFiles(page.getByRole("region", { name: "Upload files" }), [{ name: `sent-${LONG_NAME}`, type: "application/pdf", bytes: Buffer.from("%PDF-1.4\n") }]);
      await expect(page.getByTestId("upload-state")).toHaveText("Uploaded");
    },
  },
  { name: "upload request page with a password", role: "visitor", path: (seed) => seed.passwordRequestPath, ready: (page) => expect(page.getByLabel("Password")).toBeVisible() },
  { name: "upload request problem page", role: "visitor", path: () => `/r/${"A".repeat(43)}`, ready: (page) => heading(page, "This request link does not exist") },
  { name: "uploads", role: "user", path: () => "/uploads", ready: (page, seed) => expect(page.getByText(seed.sharedName).first()).toBeVisible() },
  {
    name: "uploads, share dialog",
    role: "user",
    path: () => "/uploads",
    ready: async (page, seed) => {
      await page.getByRole("button", { name: `Share ${seed.sharedName}` }).click();
      const dialog = page.getByRole("dialog");
      await expect(dialog.getByRole("table", { name: "Links to this file" })).toBeVisible();
      await dialog.getByRole("button", { name: "Create link" }).click(); // the new address, its copy button and QR code
      await expect(dialog.getByRole("img", { name: /QR code/ })).toBeVisible();
    },
  },
  {
    name: "requests, a new link",
    role: "user",
    path: () => "/requests",
    ready: async (page) => {
      await expect(page.getByRole("listitem").filter({ hasText: LONG_NAME }).first()).toBeVisible();
      await page.getByLabel("Name of the request").fill(LONG_NAME);
      await page.getByRole("button", { name: "Create request link" }).click(); // the new address, its copy button and QR code
      await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
    },
  },
  { name: "account", role: "user", path: () => "/account", ready: (page) => heading(page, "Your account") },
  {
    name: "admin stats",
    role: "admin",
    path: () => "/admin",
    ready: async (page) => {
      await page.getByText("The numbers of the last 30 days").click();
      await expect(page.getByRole("table", { name: "Uploads and bytes per day" })).toBeVisible();
      await expect(page.getByRole("table", { name: "The 10 users storing the most bytes" })).toBeVisible();
    },
  },
  { name: "admin review", role: "admin", path: () => "/admin/review", ready: queueRow },
  {
    name: "admin review, preview",
    role: "admin",
    path: () => "/admin/review",
    ready: async (page, seed) => {
      await queueRow(page, seed);
      await page.getByRole("button", { name: `Preview ${seed.pendingName}` }).click();
      await expect(page.getByLabel(`Text of ${seed.pendingName}`)).toContainText("waiting for review");
    },
  },
  {
    name: "admin review, rejection note",
    role: "admin",
    path: () => "/admin/review",
    ready: async (page, seed) => {
      await queueRow(page, seed);
      await page.getByRole("button", { name: `Reject ${seed.pendingName}` }).click();
      await expect(page.getByRole("dialog")).toBeVisible();
    },
  },
  {
    name: "admin users",
    role: "admin",
    path: () => "/admin/users",
    ready: async (page, seed) => {
      // A card is still a table row to a screen reader, and the "Role:" drawn before a cell is for the eye only.
      await expect((await userRow(page, seed)).getByRole("cell", { name: "user", exact: true })).toBeVisible();
    },
  },
  {
    name: "admin users, user dialog",
    role: "admin",
    path: () => "/admin/users",
    ready: async (page, seed) => {
      await userRow(page, seed);
      await page.getByRole("button", { name: `Manage ${seed.pendingEmail}` }).click();
      await expect(page.getByRole("dialog", { name: seed.pendingEmail })).toBeVisible();
    },
  },
  { name: "admin audit", role: "admin", path: () => "/admin/audit", ready: (page) => expect(page.getByRole("region", { name: "Audit events" })).toBeVisible() },
];

/** A user with a shared, processed file (long name) and another user whose file waits for review. */
async function seed(request: APIRequestContext): Promise<Seed> {
  const user = await signUpApi(request);
  await trustUser(user.email); // a trusted user's file can be shared as soon as it is processed
  await signInApi(request, user);
  const sharedId = await uploadViaApi(request, { name: LONG_NAME, type: "application/pdf", bytes: randomBytes(2048) });
  await uploadViaApi(request, { name: "notes.txt", type: "text/plain", bytes: Buffer.from("short\n") });
  await waitUntilProcessed(request, sharedId);
  const linkPath = async (data: object) => {
    const created = await request.post(`/api/uploads/${sharedId}/links`, { data: { expiresInSeconds: 3600, ...data } });
    expect(created.status(), await created.text()).toBe(201);
    return new URL((await created.json()).url).pathname;
  };
  const sharePath = await linkPath({ maxDownloads: 5 });
  const passwordSharePath = await linkPath({ password: "a-long-enough-password" });
  const requestPath = async (data: object) => {
    const created = await request.post("/api/requests", {
      data: { label: LONG_NAME, expiresInSeconds: 3600, maxFiles: 20, maxFileBytes: 1024 ** 2, allowedTypes: ["application/pdf", "image/*"], ...data },
    });
    expect(created.status(), await created.text()).toBe(201);
    return new URL((await created.json()).url).pathname;
  };
  const [askingPath, lockedPath] = [await requestPath({ askName: true, message: `Please send ${LONG_NAME}` }), await requestPath({ password: "a-long-enough-password" })];

  const pending = await signUpApi(request);
  await signInApi(request, pending);
  // Its own name in each seed: the admin finds it by searching, and every spec that seeds leaves one behind.
  const pendingName = `scan-${randomBytes(3).toString("hex")}-${LONG_NAME.replace(".pdf", ".txt")}`;
  await uploadViaApi(request, { name: pendingName, type: "text/plain", bytes: Buffer.from("waiting for review\n") });
  return { user, sharePath, passwordSharePath, sharedName: LONG_NAME, pendingName, pendingEmail: pending.email, requestPath: askingPath, passwordRequestPath: lockedPath };
}

export interface View {
  viewport: { width: number; height: number };
  colorScheme: "light" | "dark";
}

/** A browser context signed in as `role`, seen as `view` says. */
async function contextFor(browser: Browser, role: Role, seeded: Seed, view: View) {
  const context = await browser.newContext({ baseURL: e2eServer.url, ...view });
  if (role === "user") await signInApi(context.request, seeded.user);
  if (role === "admin") await signInApi(context.request, admin);
  return context;
}

/**
 * Seeds once, then shows every page of the tour in each of `views`, each role in its own context,
 * and gathers what `check` finds wrong on each page: every page is checked before a test fails,
 * so one run names every problem.
 */
export async function tourPages(
  browser: Browser,
  request: APIRequestContext,
  views: (role: Role) => View[],
  check: (page: Page, entry: TourPage, view: View) => Promise<string[]>,
) {
  const seeded = await seed(request);
  const problems: string[] = [];
  for (const role of ["visitor", "user", "admin"] as const) {
    for (const view of views(role)) {
      const context = await contextFor(browser, role, seeded, view);
      const page = await context.newPage();
      for (const entry of PAGES.filter((candidate) => candidate.role === role)) {
        await test.step(`${entry.name} (${view.colorScheme}, ${view.viewport.width} px)`, async () => {
          await page.goto(entry.path(seeded));
          await entry.ready(page, seeded);
          problems.push(...(await check(page, entry, view)));
        });
      }
      await context.close();
    }
  }
  return problems;
}
