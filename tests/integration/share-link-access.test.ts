import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as sharePage } from "@/app/s/[token]/route";
import { HEAD as checkLink, POST as downloadForm } from "@/app/s/[token]/download/route";
import { db } from "@/lib/db";
import { createShareLink } from "@/lib/links/create-share-link";
import { describeShareLink } from "@/lib/links/describe-share-link";
import { revokeShareLink } from "@/lib/links/manage-share-links";
import { redeemShareLink } from "@/lib/links/redeem-share-link";
import { completeUpload } from "@/lib/uploads/complete-upload";
import { createUploadSlot } from "@/lib/uploads/create-upload-slot";
import { downloadOwnUpload } from "@/lib/uploads/download-own-upload";
import { meta, newTrustedUser, newUser, rejection } from "../support/domain-helpers";
import { must } from "../support/must";

// The slash becomes "_" (names have no folders); the rest must come out escaped.
const HOSTILE = `<script>alert("x")</script> Tom & 'Jerry'.txt`;
let alice: string;
let bob: string;
let bytes: Buffer;
let fileId: string;

const tokenOf = (url: string) => new URL(url).pathname.replace(/^.*\//, "");
const hour = { expiresInSeconds: 3600 };
let ipCounter = 0;
/** A fresh client address, so each test starts with its own per-address budget. */
const freshIp = () => `198.51.100.${++ipCounter}`;

function visit(token: string, ip = freshIp()) {
  return sharePage(new Request(`http://127.0.0.1:3100/s/${token}`, { headers: { "x-forwarded-for": ip, accept: "text/html" } }), { params: Promise.resolve({ token }) });
}

function postForm(token: string, password: string, accept: string, ip = freshIp()) {
  const req = new Request(`http://127.0.0.1:3100/s/${token}/download`, {
    method: "POST",
    headers: { "x-forwarded-for": ip, accept, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ password }).toString(),
  });
  return downloadForm(req, { params: Promise.resolve({ token }) });
}

beforeAll(async () => {
  alice = await newTrustedUser(`Alice <b>& co</b>`);
  bob = await newUser("Bob");
  bytes = randomBytes(3000);
  const ticket = await createUploadSlot(alice, { name: HOSTILE, type: "text/plain", size: bytes.length }, meta);
  if (ticket.strategy !== "single") throw new Error("expected a single PUT");
  expect((await fetch(ticket.url, { method: "PUT", headers: ticket.headers, body: new Uint8Array(bytes) })).status).toBe(200);
  fileId = (await completeUpload(alice, ticket.upload.id, meta)).id;
});

describe("the public share page", () => {
  it("shows name, size, type, sharer and expiry, escaped; 410 once revoked; 404 for unknown tokens", async () => {
    const { url, link } = await createShareLink(alice, fileId, { ...hour, maxDownloads: 4 }, meta);
    const page = await visit(tokenOf(url));
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    const body = await page.text();
    expect(body).not.toContain("<script>");
    expect(body).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;_script&gt; Tom &amp; &#39;Jerry&#39;.txt");
    expect(body).toContain("Alice &lt;b&gt;&amp; co&lt;/b&gt;");
    expect(body).toMatch(/2\.93 KB.*text\/plain/s);
    expect(body).toContain(`<time datetime="${link.expiresAt}">`);
    expect(body).toContain("<dt>Downloads left</dt><dd>4</dd>");
    expect(body).toContain(`<form method="post" action="/s/${tokenOf(url)}/download">`);

    await revokeShareLink(alice, link.id, meta);
    const gone = await visit(tokenOf(url));
    expect(gone.status).toBe(410);
    expect(await gone.text()).toContain("This link was revoked by the person who shared it.");
    const unknown = await visit(randomBytes(32).toString("base64url"));
    expect([unknown.status, unknown.headers.get("content-type")]).toEqual([404, "text/html; charset=utf-8"]);
  });

  it("hides the file's name, size and type behind a password; a wrong password shows the form again (403)", async () => {
    const { url } = await createShareLink(alice, fileId, { ...hour, password: "s3cret pass" }, meta);
    const shared = await describeShareLink(tokenOf(url));
    expect(shared).toMatchObject({ passwordRequired: true, file: null, downloadsLeft: null });
    const page = await (await visit(tokenOf(url))).text();
    expect(page).not.toContain("Jerry");
    expect(page).toContain('<input type="password" name="password"');

    const wrong = await postForm(tokenOf(url), "guess", "text/html,application/xhtml+xml");
    expect(wrong.status).toBe(403);
    const again = await wrong.text();
    expect(again).toContain('role="alert">That password is not right.</p>');
    expect(again).toContain('aria-invalid="true"');
    const asJson = await postForm(tokenOf(url), "guess", "application/json");
    expect([asJson.status, (await asJson.json()).error.code]).toEqual([403, "wrong_password"]);
    const right = await postForm(tokenOf(url), "s3cret pass", "text/html");
    expect(right.status).toBe(302);
    expect(Buffer.from(await (await fetch(must(right.headers.get("location"), "a Location header"))).arrayBuffer())).toEqual(bytes);
  });
});

describe("link checkers", () => {
  it("HEAD on the download address checks the link without using up a download", async () => {
    const { url, link } = await createShareLink(alice, fileId, { ...hour, maxDownloads: 1 }, meta);
    const head = (token: string) =>
      checkLink(new Request(`http://127.0.0.1:3100/s/${token}/download`, { method: "HEAD", headers: { "x-forwarded-for": freshIp() } }), { params: Promise.resolve({ token }) });
    for (let i = 0; i < 3; i++) expect((await head(tokenOf(url))).status).toBe(200);
    expect((await db.shareLink.findUniqueOrThrow({ where: { id: link.id } })).downloadCount).toBe(0);
    await redeemShareLink(tokenOf(url), undefined, meta);
    expect((await head(tokenOf(url))).status).toBe(410);
    expect((await head(randomBytes(32).toString("base64url"))).status).toBe(404);
  });
});

describe("abuse limits", () => {
  it("limits page views and downloads per address: 429 with Retry-After, as a page", async () => {
    const { url } = await createShareLink(alice, fileId, hour, meta);
    const ip = freshIp();
    for (let i = 0; i < 60; i++) expect((await visit(tokenOf(url), ip)).status).toBe(200);
    const limited = await visit(tokenOf(url), ip);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited.text()).toContain("Too many attempts");
    // The same address is refused before the token is even looked up: scanning tokens costs the same.
    expect((await visit(randomBytes(32).toString("base64url"), ip)).status).toBe(429);
    expect((await visit(tokenOf(url))).status).toBe(200);
  });

  it("limits one link's requests from all addresses together", async () => {
    const { url } = await createShareLink(alice, fileId, hour, meta);
    for (let i = 0; i < 300; i++) await describeShareLink(tokenOf(url));
    const limited = await rejection(describeShareLink(tokenOf(url)));
    expect([limited.status, limited.code]).toEqual([429, "rate_limited"]);
    expect(Number(limited.headers?.["Retry-After"])).toBeGreaterThan(0);
  });

  it("stops password guessing per address, even for the right password, while other addresses still get in", async () => {
    const { url } = await createShareLink(alice, fileId, { ...hour, password: "right one" }, meta);
    const guesser = { ip: freshIp(), userAgent: "guesser" };
    for (let i = 0; i < 10; i++) expect((await rejection(redeemShareLink(tokenOf(url), `wrong ${i}`, guesser))).status).toBe(403);
    const limited = await rejection(redeemShareLink(tokenOf(url), "right one", guesser));
    expect([limited.status, limited.code]).toEqual([429, "rate_limited"]);
    await expect(redeemShareLink(tokenOf(url), "right one", { ip: freshIp(), userAgent: "friend" })).resolves.toHaveProperty("url");
    const outcomes = await db.auditEvent.findMany({ where: { action: "link.download", ip: guesser.ip }, select: { data: true } });
    expect(outcomes.map((event) => (event.data as { outcome: string }).outcome)).toEqual(expect.arrayContaining(["wrong_password", "rate_limited"]));
  });
});

describe("owner downloads", () => {
  it("gives the owner a 60-second GET without a link, audited; 404 for others, 409 unfinished", async () => {
    const url = await downloadOwnUpload(alice, fileId, meta);
    expect(new URL(url).searchParams.get("X-Amz-Expires")).toBe("60");
    expect(Buffer.from(await (await fetch(url)).arrayBuffer())).toEqual(bytes);
    expect(await db.auditEvent.count({ where: { action: "upload.download", target: fileId, actorId: alice } })).toBe(1);
    expect((await rejection(downloadOwnUpload(bob, fileId, meta))).status).toBe(404);
    const pending = await createUploadSlot(alice, { name: "later.txt", type: "text/plain", size: 10 }, meta);
    expect((await rejection(downloadOwnUpload(alice, pending.upload.id, meta))).code).toBe("upload_not_ready");
  });
});
