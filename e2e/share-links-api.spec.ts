import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { e2eServer } from "./support/server";
import { signInApi, signUpApi } from "./support/session";
import { signUpTrustedApi } from "./support/trust";
import { uploadViaApi, waitUntilProcessed } from "./support/uploads";

// The share-link HTTP contract as scripts see it (JSON errors); the pages are in share-links.spec.ts.
// Review is on (REVIEW_MODE=required): the owners are trusted, so their files can be shared at once.
test("share links over HTTP: 302 to a short-lived GET, passwords, revocation, unknown tokens", async ({ page, playwright }) => {
  const owner = page.request;
  await signInApi(owner, await signUpTrustedApi(owner));
  const bytes = randomBytes(2048);
  const uploadId = await uploadViaApi(owner, { name: "shared.bin", type: "application/octet-stream", bytes });
  await waitUntilProcessed(owner, uploadId);

  const created = await owner.post(`/api/uploads/${uploadId}/links`, { data: { expiresInSeconds: 600 } });
  expect(created.status()).toBe(201);
  const { url, link } = await created.json();
  const path = new URL(url).pathname;

  const anonymous = await playwright.request.newContext({ baseURL: e2eServer.url });
  const download = await anonymous.get(`${path}/download`, { maxRedirects: 0 });
  expect(download.status()).toBe(302);
  const location = download.headers()["location"];
  expect(new URL(location).searchParams.get("X-Amz-Expires")).toBe("60");
  expect(Buffer.from(await (await fetch(location)).arrayBuffer())).toEqual(bytes);

  const locked = await (await owner.post(`/api/uploads/${uploadId}/links`, { data: { expiresInSeconds: 600, password: "let me in" } })).json();
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
    expect((await owner.post(`/api/uploads/${uploadId}/links`, { data })).status()).toBe(422);
  }
  expect((await anonymous.post(`/api/uploads/${uploadId}/links`, { data: { expiresInSeconds: 600 } })).status()).toBe(401);
  await anonymous.dispose();
});

test("new input paths refuse bad input with 4xx JSON and change nothing: owner download, the password form, HEAD", async ({ page, playwright }) => {
  const owner = page.request;
  await signInApi(owner, await signUpTrustedApi(owner));
  const id = await uploadViaApi(owner, { name: "kept.bin", type: "application/octet-stream", bytes: randomBytes(1024) });
  await waitUntilProcessed(owner, id);
  const anonymous = await playwright.request.newContext({ baseURL: e2eServer.url });
  const other = await playwright.request.newContext({ baseURL: e2eServer.url });
  await signInApi(other, await signUpApi(other));

  // Owner download: 302 for the owner only; no session 401; malformed, unknown and others' ids 404; unfinished 409.
  expect((await owner.get(`/api/uploads/${id}/download`, { maxRedirects: 0 })).status()).toBe(302);
  const refusals = [
    [anonymous, `/api/uploads/${id}/download`, 401],
    [owner, "/api/uploads/not-a-uuid/download", 404],
    [owner, "/api/uploads/00000000-0000-4000-8000-000000000000/download", 404],
    [other, `/api/uploads/${id}/download`, 404],
  ] as const;
  for (const [client, path, status] of refusals) {
    const response = await client.get(path, { maxRedirects: 0 });
    expect([path, response.status(), typeof (await response.json()).error.code]).toEqual([path, status, "string"]);
  }
  const pending = await (await owner.post("/api/uploads", { data: { name: "later.bin", type: "application/octet-stream", size: 10 } })).json();
  expect((await owner.get(`/api/uploads/${pending.upload.id}/download`, { maxRedirects: 0 })).status()).toBe(409);

  // The password form: wrong media type 415, over 4 KiB 413, bytes that are not UTF-8 400, all JSON, none counted.
  const { url, link } = await (await owner.post(`/api/uploads/${id}/links`, { data: { expiresInSeconds: 600, password: "pw-long-enough" } })).json();
  const download = `${new URL(url).pathname}/download`;
  const badForms = [
    [{ "content-type": "multipart/form-data; boundary=x" }, Buffer.from("--x--"), 415],
    [{ "content-type": "application/x-www-form-urlencoded" }, Buffer.from(`password=${"a".repeat(5000)}`), 413],
    [{ "content-type": "application/x-www-form-urlencoded" }, Buffer.from([0x70, 0x3d, 0xff]), 400],
  ] as const;
  for (const [headers, data, status] of badForms) {
    const response = await anonymous.post(download, { headers, data, maxRedirects: 0 });
    expect([response.status(), response.headers()["cache-control"], typeof (await response.json()).error.message]).toEqual([status, "no-store", "string"]);
  }
  expect((await anonymous.head(download)).status()).toBe(200);
  const [stored] = (await (await owner.get(`/api/uploads/${id}/links`)).json()).items.filter((item: { id: string }) => item.id === link.id);
  expect(stored.downloadCount).toBe(0);
  await anonymous.dispose();
  await other.dispose();
});
