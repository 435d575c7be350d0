import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { must } from "../tests/support/must";
import { e2eServer } from "./support/server";
import { admin, signInApi, signInUi, signUpApi } from "./support/session";
import { signUpTrustedApi } from "./support/trust";
import { uploadViaApi, waitUntilProcessed } from "./support/uploads";

/** Opens the dialog of `email` on the admin's users page. */
async function manage(page: Page, email: string) {
  await page.goto("/admin/users");
  await page.getByRole("search", { name: "Find users" }).getByLabel("Search").fill(email);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await page.getByRole("button", { name: `Manage ${email}` }).click();
  return page.getByRole("dialog", { name: email });
}

async function errorCode(client: APIRequestContext, path: string) {
  const response = await client.get(path, { maxRedirects: 0 });
  return [response.status(), response.status() >= 400 ? (await response.json()).error.code : null];
}

test("the admin disables a user in the UI: their next request is 403 account_disabled and their link 410; enabled again, both work", async ({ page, playwright, browser }) => {
  const owner = await playwright.request.newContext({ baseURL: e2eServer.url });
  const anonymous = await playwright.request.newContext({ baseURL: e2eServer.url });
  const account = await signUpTrustedApi(owner);
  await signInApi(owner, account);
  const bytes = randomBytes(4096);
  const id = await uploadViaApi(owner, { name: "kept.bin", type: "application/octet-stream", bytes });
  await waitUntilProcessed(owner, id);
  const { url } = await (await owner.post(`/api/uploads/${id}/links`, { data: { expiresInSeconds: 600 } })).json();
  const download = `${new URL(url).pathname}/download`;
  expect(await errorCode(anonymous, download)).toEqual([302, null]);

  await signInUi(page, admin);
  const dialog = await manage(page, account.email);
  await dialog.getByLabel(/^Disabled/).check();
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(page.getByRole("row", { name: new RegExp(account.email) })).toContainText("disabled");

  expect(await errorCode(owner, "/api/uploads")).toEqual([403, "account_disabled"]);
  expect(await errorCode(anonymous, download)).toEqual([410, "link_suspended"]);
  // Signing in again with the right password says why it is refused.
  const elsewhere = await browser.newPage({ baseURL: e2eServer.url });
  await elsewhere.goto("/signin");
  await elsewhere.getByLabel("Email").fill(account.email);
  await elsewhere.getByLabel("Password").fill(account.password);
  await elsewhere.getByRole("button", { name: "Sign in" }).click();
  await expect(elsewhere.getByRole("alert").filter({ hasText: "disabled by an administrator" })).toBeVisible();
  await elsewhere.close();

  const again = await manage(page, account.email);
  await again.getByLabel(/^Disabled/).uncheck();
  await again.getByRole("button", { name: "Save changes" }).click();
  await expect(again.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  expect(await errorCode(owner, "/api/uploads")).toEqual([200, null]);
  const redirect = await anonymous.get(download, { maxRedirects: 0 });
  expect(redirect.status()).toBe(302);
  expect(Buffer.from(await (await fetch(redirect.headers()["location"])).arrayBuffer())).toEqual(bytes);

  // The audit page lists the three changes (trusted, disabled, enabled) and exports the same with its filters.
  const userId = (await (await page.request.get(`/api/admin/users?q=${encodeURIComponent(account.email)}`)).json()).items[0].id;
  await page.goto("/admin/audit");
  const filters = page.getByRole("search", { name: "Filter the audit log" });
  await filters.getByLabel("Action").fill("admin.user_update");
  await filters.getByLabel("Target").fill(userId);
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByRole("table", { name: "Audit events, newest first" }).getByRole("row")).toHaveCount(1 + 3);
  const csvLink = page.getByRole("link", { name: "Export CSV" });
  await expect(csvLink).toHaveAttribute("href", `/api/admin/audit?action=admin.user_update&target=${userId}&format=csv`);
  const csv = (await (await page.request.get(must(await csvLink.getAttribute("href"), "an export address"))).text()).trim().split("\r\n");
  expect(csv[0]).toBe("id,createdAt,actorId,actorEmail,action,target,ip,userAgent,data");
  expect(csv.slice(1).filter((line) => line.includes(`,admin.user_update,${userId},`))).toHaveLength(3);
  await owner.dispose();
  await anonymous.dispose();
});

test("quota in MiB, a password reset shown once that signs in, and the admin cannot disable themself", async ({ page, playwright }) => {
  const account = await signUpApi(page.request);
  await signInUi(page, admin);
  const dialog = await manage(page, account.email);
  await dialog.getByLabel("Quota amount").fill("1.5");
  await dialog.getByLabel("Quota unit").selectOption("MiB");
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  const { items } = await (await page.request.get(`/api/admin/users?q=${encodeURIComponent(account.email)}`)).json();
  expect(items[0].quotaBytes).toBe(1.5 * 1024 ** 2);
  await expect(page.getByRole("row", { name: new RegExp(account.email) })).toContainText("0 B / 1.50 MB");

  page.once("dialog", (confirm) => void confirm.accept());
  await dialog.getByRole("button", { name: "Reset password" }).click();
  const shown = dialog.getByRole("textbox", { name: "New password" });
  await expect(shown).toHaveValue(/.{12,}/);
  const password = await shown.inputValue();
  const fresh = await playwright.request.newContext({ baseURL: e2eServer.url });
  await signInApi(fresh, { email: account.email, password });
  const stale = await playwright.request.newContext({ baseURL: e2eServer.url });
  const { csrfToken } = await (await stale.get("/api/auth/csrf")).json();
  await stale.post("/api/auth/callback/credentials", { form: { csrfToken, email: account.email, password: account.password, json: "true" }, maxRedirects: 0 });
  expect((await (await stale.get("/api/auth/session")).json()).user).toBeUndefined(); // the old password no longer signs in
  await fresh.dispose();
  await stale.dispose();
  await dialog.getByRole("button", { name: "Close" }).click();

  const self = await manage(page, admin.email);
  await self.getByLabel(/^Disabled/).check();
  await self.getByRole("button", { name: "Save changes" }).click();
  await expect(self.getByRole("alert")).toHaveText(/cannot disable or demote your own account/i);
  expect((await page.request.get("/api/admin/stats")).status()).toBe(200);
});

test("admin pages are a 404 for other users, and the header links to them only for admins", async ({ page }) => {
  await signInUi(page, await signUpApi(page.request));
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveCount(0);
  for (const path of ["/admin", "/admin/review", "/admin/users", "/admin/audit"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
});
