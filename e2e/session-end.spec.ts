import { expect, test, type APIRequestContext } from "@playwright/test";
import { e2eServer } from "./support/server";
import { signInApi, signUpApi } from "./support/session";

// A session cookie copied off a machine (malware, a shared computer, a leaked log) must stop
// working when its owner signs out or changes the password: replayed here exactly as copied.

/** The session cookie a context holds, as a request header. */
async function copyCookie(context: APIRequestContext): Promise<string> {
  const { cookies } = await context.storageState();
  const session = cookies.find((cookie) => cookie.name === "next-auth.session-token");
  expect(session, "a session cookie").toBeTruthy();
  return `next-auth.session-token=${session?.value}`;
}

/** The user GET /api/auth/session names for a bare request carrying `cookie` (the browser's view). */
async function sessionUser(cookie: string): Promise<unknown> {
  const body = (await (await fetch(`${e2eServer.url}/api/auth/session`, { headers: { cookie } })).json()) as { user?: { email?: string } };
  return body.user?.email ?? null;
}

/** The status of GET /api/uploads for a bare request carrying `cookie`, from anywhere. */
async function replay(cookie: string): Promise<number> {
  return (await fetch(`${e2eServer.url}/api/uploads`, { headers: { cookie } })).status;
}

test("signing out through next-auth ends the session on the server: the copied cookie answers 401, other sessions carry on", async ({ playwright }) => {
  const laptop = await playwright.request.newContext({ baseURL: e2eServer.url });
  const phone = await playwright.request.newContext({ baseURL: e2eServer.url });
  const account = await signUpApi(laptop);
  await signInApi(laptop, account);
  await signInApi(phone, account);
  const copied = await copyCookie(laptop);
  expect(await replay(copied)).toBe(200);
  expect(await sessionUser(copied)).toBe(account.email);

  const { csrfToken } = await (await laptop.get("/api/auth/csrf")).json();
  const signedOut = await laptop.post("/api/auth/signout", { form: { csrfToken, json: "true" } });
  expect(signedOut.status(), await signedOut.text()).toBe(200);

  expect(await replay(copied)).toBe(401);
  expect(await sessionUser(copied), "next-auth's session answer for the ended session").toBeNull();
  expect((await laptop.get("/api/uploads")).status()).toBe(401);
  expect((await phone.get("/api/uploads")).status()).toBe(200);
  await Promise.all([laptop.dispose(), phone.dispose()]);
});

test("changing the password ends every other session and every copy of the old cookie; the changer carries on", async ({ playwright }) => {
  const laptop = await playwright.request.newContext({ baseURL: e2eServer.url });
  const phone = await playwright.request.newContext({ baseURL: e2eServer.url });
  const account = await signUpApi(laptop);
  await signInApi(laptop, account);
  await signInApi(phone, account);
  const [copiedLaptop, copiedPhone] = [await copyCookie(laptop), await copyCookie(phone)];

  const changed = await laptop.post("/api/account/password", { data: { currentPassword: account.password, newPassword: "another-long-password" } });
  expect(changed.status(), await changed.text()).toBe(204);

  expect((await laptop.get("/api/uploads")).status()).toBe(200); // its renewed cookie
  expect(await replay(copiedLaptop)).toBe(401);
  expect(await replay(copiedPhone)).toBe(401);
  expect(await sessionUser(copiedPhone)).toBeNull();
  expect((await phone.get("/api/uploads")).status()).toBe(401);
  await Promise.all([laptop.dispose(), phone.dispose()]);
});
