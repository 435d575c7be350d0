import { createHash } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { env } from "../lib/env";
import { dropFiles } from "./support/drop-files";
import { e2eServer } from "./support/server";
import { solidPng } from "./support/png";
import { admin, signInUi } from "./support/session";
import { signUpTrustedApi } from "./support/trust";
import { uploadViaApi, waitUntilProcessed } from "./support/uploads";

// The Content-Security-Policy, for real: Chromium enforces it on every page while the pages do
// their work (hydrate, sign in, show a thumbnail from the store, hash with the MD5 worker, download
// from a share page); one violation anywhere fails the test.

const storageOrigin = new URL(env.S3_ENDPOINT).origin;

/** Collects every CSP violation the page reports, from events and from Chromium's console. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  await page.exposeFunction("reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI} on ${location.pathname} (${event.sourceFile}:${event.lineNumber} ${event.sample})`,
      );
    });
  });
  return violations;
}

/** The headers every answer carries, and the nonce of its policy. */
function expectSecurityHeaders(response: { headers(): Record<string, string> } | null): string {
  expect(response, "an answer").not.toBeNull();
  const headers = response?.headers() ?? {};
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["strict-transport-security"], "no HSTS over http").toBeUndefined();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp).toContain(`connect-src 'self' ${storageOrigin}`);
  return /'nonce-([^']+)'/.exec(csp)?.[1] ?? "";
}

test("every page works under the CSP with no violation, and every answer carries the security headers", async ({ page, browser }) => {
  const violations = await watchViolations(page);

  // Anonymous: / sends to /signin; its scripts carry this answer's nonce, a fresh one each time.
  const first = expectSecurityHeaders(await page.goto("/"));
  await expect(page).toHaveURL(/\/signin$/);
  const second = expectSecurityHeaders(await page.reload());
  expect(first).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
  expect(second).not.toBe(first);
  const nonces = await page.locator("script[src]").evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).nonce));
  expect(nonces.length).toBeGreaterThan(0);
  expect(new Set(nonces)).toEqual(new Set([second]));
  // The not-found page is rendered per request too (its scripts need this answer's nonce).
  const missing = await page.goto("/no-such-page");
  expect(missing?.status()).toBe(404);
  expectSecurityHeaders(missing);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();

  // A trusted user's image, processed (thumbnail) and shared.
  const account = await signUpTrustedApi(page.request);
  await signInUi(page, account); // the form works: hydration ran under the policy
  const uploadId = await uploadViaApi(page.request, { name: "pixel.png", type: "image/png", bytes: solidPng([200, 40, 40]) });
  expect((await waitUntilProcessed(page.request, uploadId)).processing?.thumbnailUrl).toBeTruthy();
  const { url: shareUrl } = await (await page.request.post(`/api/uploads/${uploadId}/links`, { data: { expiresInSeconds: 600 } })).json();

  // /uploads: the thumbnail comes from the store through a presigned redirect (img-src).
  expectSecurityHeaders(await page.goto("/uploads"));
  const thumbnail = page.getByRole("img", { name: "Thumbnail of pixel.png" });
  await expect(thumbnail).toBeVisible();
  await expect.poll(() => thumbnail.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);

  // The MD5 worker loads (worker-src) and compiles its WebAssembly under its own answer's policy.
  const md5 = await page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const worker = new Worker("/workers/md5.js");
        worker.onmessage = (event) => (event.data.md5 ? resolve(event.data.md5) : reject(new Error(event.data.error)));
        worker.onerror = () => reject(new Error("the MD5 worker did not load"));
        worker.postMessage({ id: 1, blob: new Blob(["slipway"]) });
      }),
  );
  expect(md5).toBe(createHash("md5").update("slipway").digest("base64"));
  expectSecurityHeaders(await page.request.get("/workers/md5.js"));

  // API answers carry the headers too, redirects to the store included.
  expectSecurityHeaders(await page.request.get("/api/uploads"));
  const redirect = await page.request.get(`/api/uploads/${uploadId}/download`, { maxRedirects: 0 });
  expect(redirect.status()).toBe(302);
  expect(redirect.headers()["referrer-policy"]).toBe("no-referrer");
  expect(redirect.headers()["x-content-type-options"]).toBe("nosniff");

  // The share page: its own stricter policy (no script at all); its Download form redirects to the store.
  const shareAnswer = await page.goto(new URL(shareUrl).pathname);
  expect(shareAnswer?.headers()["content-security-policy"]).toBe("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'");
  expect(shareAnswer?.headers()["x-content-type-options"]).toBe("nosniff");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download" }).click();
  expect((await download).suggestedFilename()).toBe("pixel.png");

  // An upload request's page: the guest's drop zone hydrates and sends to the store under the app's
  // policy; once revoked, the link answers a script-free page under the share pages' policy.
  const asked = await (await page.request.post("/api/requests", { data: { label: "Policy check", expiresInSeconds: 3600 } })).json();
  const requestPath = new URL(asked.url).pathname;
  expectSecurityHeaders(await page.goto(requestPath));
  await dropFiles(page.getByRole("region", { name: "Upload files" }), [{ name: "note.txt", type: "text/plain", bytes: Buffer.from("for the request\n") }]);
  await expect(page.getByTestId("upload-state")).toHaveText("Uploaded");
  expect((await page.request.delete(`/api/requests/${asked.request.id}`)).status()).toBe(204);
  const closed = await page.goto(requestPath);
  expect([closed?.status(), closed?.headers()["content-security-policy"]]).toEqual([410, "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'"]);

  // The admin's pages.
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  const adminViolations = await watchViolations(adminPage);
  await signInUi(adminPage, admin);
  expectSecurityHeaders(await adminPage.goto("/admin"));
  await expect(adminPage.getByRole("heading", { level: 2 }).first()).toBeVisible(); // the stats, fetched by the page's script
  await adminContext.close();

  expect([...violations, ...adminViolations]).toEqual([]);
});

test("next-auth's routes refuse a body over 16 KiB before parsing it, whatever Content-Length says", async ({ request }) => {
  const form = `csrfToken=x&email=a%40b.c&password=${"a".repeat(17 * 1024)}`;
  const declared = await request.post("/api/auth/callback/credentials", { headers: { "content-type": "application/x-www-form-urlencoded" }, data: form });
  expect(declared.status()).toBe(413);
  expect((await declared.json()).error.code).toBe("body_too_large");

  // Streamed in chunks with no length announced: counted as it arrives.
  const chunks = Array.from({ length: 40 }, () => new TextEncoder().encode("a".repeat(1024)));
  const body = new ReadableStream({ pull: (controller) => (chunks.length ? controller.enqueue(chunks.shift()) : controller.close()) });
  const streamed = await fetch(`${e2eServer.url}/api/auth/signout`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body,
    duplex: "half",
  } as RequestInit);
  expect(streamed.status).toBe(413);

  const malformed = await fetch(`${e2eServer.url}/api/auth/callback/credentials`, { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });
  expect([malformed.status, (await malformed.json()).error.code]).toEqual([400, "invalid_json"]);
  // Small bodies still reach next-auth.
  expect((await request.get("/api/auth/csrf")).status()).toBe(200);
});
