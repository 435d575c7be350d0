import { expect, test } from "@playwright/test";
import { e2eServer } from "./support/server";
import { signInApi, signInUi, signUpApi } from "./support/session";

test("change password: a wrong current password and a mismatch are explained; success keeps this session and ends the others", async ({ page, playwright }) => {
  const account = await signUpApi(page.request);
  const elsewhere = await playwright.request.newContext({ baseURL: e2eServer.url });
  await signInApi(elsewhere, account);
  await signInUi(page, account);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Account" }).click();
  await expect(page).toHaveURL(/\/account$/);

  const form = page.getByRole("form", { name: "Change your password" });
  const fill = async (current: string, next: string, confirm: string) => {
    await form.getByLabel("Current password").fill(current);
    await form.getByLabel(/^New password/).fill(next);
    await form.getByLabel("Confirm the new password").fill(confirm);
    await form.getByRole("button", { name: "Change password" }).click();
  };
  const newPassword = "a brand new passphrase";
  await fill("not my password at all", newPassword, newPassword);
  await expect(form.getByRole("alert")).toHaveText("Your current password is not right. Nothing was changed.");
  await fill(account.password, newPassword, "something else entirely");
  await expect(form.getByRole("alert")).toHaveText("The new password and its confirmation differ. Type them again.");

  await fill(account.password, newPassword, newPassword);
  await expect(form.getByRole("status")).toHaveText(/^Password changed\./);
  await expect(form.getByLabel("Current password")).toHaveValue("");
  expect((await page.request.get("/api/uploads")).status()).toBe(200); // this session carries on
  expect((await elsewhere.get("/api/uploads")).status()).toBe(401); // the other one has ended
  const again = await playwright.request.newContext({ baseURL: e2eServer.url });
  await signInApi(again, { email: account.email, password: newPassword });
  await elsewhere.dispose();
  await again.dispose();
});
