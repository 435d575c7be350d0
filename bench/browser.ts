import { chromium, type Browser, type BrowserContext, type Cookie } from "@playwright/test";
import { chromiumLaunchOptions } from "../e2e/support/chromium";
import { config } from "./config";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions);
}

/**
 * Signs in once over HTTP (next-auth credentials, as e2e's signInApi does) and returns the
 * session cookies, so each measurement can start from a fresh context (empty IndexedDB, so no
 * resume records) without signing in again (sign-in is rate limited per account).
 */
export async function signInCookies(browser: Browser, email: string, password: string): Promise<Cookie[]> {
  const context = await browser.newContext({ baseURL: config.appUrl });
  try {
    const { csrfToken } = await (await context.request.get("/api/auth/csrf")).json();
    const response = await context.request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email, password, json: "true" },
      maxRedirects: 0,
    });
    if (response.status() >= 400) throw new Error(`sign-in failed: ${response.status()} ${await response.text()}`);
    const session = await (await context.request.get("/api/auth/session")).json();
    if (session.user?.email !== email) throw new Error(`sign-in did not stick: ${JSON.stringify(session)}`);
    return await context.cookies();
  } finally {
    await context.close();
  }
}

/**
 * A fresh context on the app's origin (carrying the session, when given cookies).
 *
 * tsx compiles this code with esbuild's keepNames, which wraps named inner functions in a
 * `__name(fn, "name")` helper that only exists in Node; functions handed to page.evaluate
 * carry those calls into the page. The page gets a do-nothing `__name` (as plain source, so it
 * is not itself rewritten).
 */
export async function newContext(browser: Browser, cookies: Cookie[] = []): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: config.appUrl });
  await context.addInitScript({ content: "globalThis.__name = globalThis.__name || ((fn) => fn);" });
  if (cookies.length) await context.addCookies(cookies);
  return context;
}
