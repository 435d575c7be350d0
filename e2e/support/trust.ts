import { expect, request, type APIRequestContext } from "@playwright/test";
import { e2eServer } from "./server";
import { admin, signInApi, signUpApi, type Account } from "./session";

/**
 * Marks a user trusted through the admin API, as an admin would, so their uploads are approved
 * at completion and can be shared at once (review stays on: REVIEW_MODE=required).
 * The admin signs in in a separate request context, so the caller's session is untouched.
 */
export async function trustUser(email: string): Promise<void> {
  const api = await request.newContext({ baseURL: e2eServer.url });
  try {
    await signInApi(api, admin);
    const found = await api.get(`/api/admin/users?q=${encodeURIComponent(email)}`);
    expect(found.status(), await found.text()).toBe(200);
    const user = (await found.json()).items.find((item: { email: string }) => item.email === email);
    expect(user, `a user ${email}`).toBeTruthy();
    const updated = await api.patch(`/api/admin/users/${user.id}`, { data: { trusted: true } });
    expect(updated.status(), await updated.text()).toBe(200);
    expect((await updated.json()).user.trusted).toBe(true);
  } finally {
    await api.dispose();
  }
}

/** A fresh user (signUpApi) whose uploads can be shared as soon as they are finished. */
export async function signUpTrustedApi(request: APIRequestContext): Promise<Account> {
  const account = await signUpApi(request);
  await trustUser(account.email);
  return account;
}
