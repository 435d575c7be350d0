import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { e2eServer } from "./support/server";
import { signInApi, signUpApi } from "./support/session";

// The share-link HTTP contract as scripts see it (JSON errors); the pages are in share-links.spec.ts.
test("share links over HTTP: 302 to a short-lived GET, passwords, revocation, unknown tokens", async ({ page, playwright }) => {
  const owner = page.request;
  await signInApi(owner, await signUpApi(owner));
  const bytes = randomBytes(2048);
  const ticket = await (await owner.post("/api/uploads", { data: { name: "shared.bin", type: "application/octet-stream", size: bytes.length } })).json();
  expect((await fetch(ticket.url, { method: "PUT", headers: ticket.headers, body: new Uint8Array(bytes) })).status).toBe(200);
  expect((await owner.post(`/api/uploads/${ticket.upload.id}/complete`)).status()).toBe(200);

  const created = await owner.post(`/api/uploads/${ticket.upload.id}/links`, { data: { expiresInSeconds: 600 } });
  expect(created.status()).toBe(201);
  const { url, link } = await created.json();
  const path = new URL(url).pathname;

  const anonymous = await playwright.request.newContext({ baseURL: e2eServer.url });
  const download = await anonymous.get(`${path}/download`, { maxRedirects: 0 });
  expect(download.status()).toBe(302);
  const location = download.headers()["location"];
  expect(new URL(location).searchParams.get("X-Amz-Expires")).toBe("60");
  expect(Buffer.from(await (await fetch(location)).arrayBuffer())).toEqual(bytes);

  const locked = await (await owner.post(`/api/uploads/${ticket.upload.id}/links`, { data: { expiresInSeconds: 600, password: "let me in" } })).json();
  const lockedPath = `${new URL(locked.url).pathname}/download`;
  expect((await anonymous.get(lockedPath, { maxRedirects: 0 })).status()).toBe(401);
  expect((await anonymous.post(lockedPath, { form: { password: "wrong" }, maxRedirects: 0 })).status()).toBe(403);
  expect((await anonymous.post(lockedPath, { form: { password: "let me in" }, maxRedirects: 0 })).status()).toBe(302);
  const notAForm = await anonymous.post(lockedPath, { data: Buffer.from("{not a form"), headers: { "content-type": "application/json" }, maxRedirects: 0 });
  expect([notAForm.status(), (await notAForm.json()).error.code]).toEqual([415, "unsupported_media_type"]);

  expect((await owner.delete(`/api/links/${link.id}`)).status()).toBe(204);
  const gone = await anonymous.get(`${path}/download`, { maxRedirects: 0 });
  expect(gone.status()).toBe(410);
  expect((await gone.json()).error.code).toBe("link_revoked");
  expect((await anonymous.get(`/s/${randomBytes(32).toString("base64url")}/download`, { maxRedirects: 0 })).status()).toBe(404);
  for (const data of [{ expiresInSeconds: 4 }, { expiresInSeconds: 31 * 24 * 3600 }, { expiresInSeconds: 600, maxDownloads: 0 }]) {
    expect((await owner.post(`/api/uploads/${ticket.upload.id}/links`, { data })).status()).toBe(422);
  }
  expect((await anonymous.post(`/api/uploads/${ticket.upload.id}/links`, { data: { expiresInSeconds: 600 } })).status()).toBe(401);
  await anonymous.dispose();
});
