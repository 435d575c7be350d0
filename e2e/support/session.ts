import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { e2eServer } from "./server";

export interface Account {
  email: string;
  password: string;
}

export const admin: Account = e2eServer.admin;

/** Signs in over HTTP the way next-auth's own client does; the session cookie lands in `request`. */
export async function signInApi(request: APIRequestContext, account: Account): Promise<void> {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: account.email, password: account.password, json: "true" },
    maxRedirects: 0,
  });
  expect(response.status(), await response.text()).toBeLessThan(400);
  const session = await (await request.get("/api/auth/session")).json();
  expect(session.user?.email).toBe(account.email);
}

/** Creates a fresh user through the public sign-up API. */
export async function signUpApi(request: APIRequestContext): Promise<Account> {
  const account = { email: `user-${randomUUID()}@e2e.local`, password: "a-long-enough-password" };
  const response = await request.post("/api/account", { data: { ...account, name: "Second User" } });
  expect(response.status(), await response.text()).toBe(201);
  return account;
}

export async function signInUi(page: Page, account: Account): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/uploads$/);
}
