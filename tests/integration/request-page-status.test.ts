import { beforeAll, describe, expect, it, vi } from "vitest";

// A per-address budget this small shows the page's 429 after three views.
vi.hoisted(() => {
  process.env.REQUEST_ACCESS_PER_IP_PER_MINUTE = "3";
});

import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { createUploadRequest } from "@/lib/requests/create-upload-request";
import { revokeUploadRequest } from "@/lib/requests/revoke-upload-request";
import { SHARE_PAGE_POLICY } from "@/lib/security/security-headers";
import { proxy } from "@/proxy";
import { meta, newUser } from "../support/domain-helpers";

// The request link's page answers with its real status before Next.js renders anything: proxy.ts
// runs request-page-guard.ts against the database. Every case but the budget's comes from its own address.

let owner: string;
let ipCounter = 0;
const freshIp = () => `198.51.100.${++ipCounter}`;

beforeAll(async () => {
  owner = await newUser("Asker");
});

async function newRequest(): Promise<{ id: string; token: string }> {
  const { request, url } = await createUploadRequest(owner, { label: "Receipts", expiresInSeconds: 3600 }, meta);
  return { id: request.id, token: new URL(url).pathname.split("/")[2] };
}

function visit(path: string, ip = freshIp()) {
  return proxy(new NextRequest(`http://127.0.0.1:3100${path}`, { headers: { "x-forwarded-for": ip, accept: "text/html" } }));
}

/** A refusal: the status, the page's heading and message, and the script-free policy of share pages. */
async function refusal(response: Response) {
  const page = await response.text();
  expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
  expect(response.headers.get("content-security-policy")).toBe(SHARE_PAGE_POLICY);
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(page).not.toContain("<script");
  return { status: response.status, heading: /<h1>(.*?)<\/h1>/.exec(page)?.[1], message: /<p role="alert">(.*?)<\/p>/.exec(page)?.[1] };
}

describe("GET /r/:token, decided in proxy.ts", () => {
  it("lets the page of an open request render, under the app's nonce policy", async () => {
    const { token } = await newRequest();
    const response = await visit(`/r/${token}`);
    expect(response.headers.get("x-middleware-next")).toBe("1");
    expect(response.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  });

  it("answers 404 for unknown and malformed tokens, 410 for revoked, expired and suspended requests, each as a page saying so", async () => {
    const unknown = await refusal(await visit(`/r/${"A".repeat(43)}`));
    expect(unknown).toEqual({ status: 404, heading: "This request link does not exist", message: "There is no such upload request. Check the link you were given." });
    expect((await refusal(await visit("/r/not-a-token"))).status).toBe(404);

    const revoked = await newRequest();
    await revokeUploadRequest(owner, revoked.id, meta);
    expect(await refusal(await visit(`/r/${revoked.token}`))).toMatchObject({
      status: 410,
      heading: "This request link can no longer be used",
      message: expect.stringContaining("closed by the person who made it"),
    });

    const expired = await newRequest();
    await db.uploadRequest.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await refusal(await visit(`/r/${expired.token}`))).toMatchObject({ status: 410, message: "This upload request has expired: it takes no more files." });

    const suspendedOwner = await newUser("Disabled later");
    const { url } = await createUploadRequest(suspendedOwner, { label: "Old", expiresInSeconds: 3600 }, meta);
    await db.user.update({ where: { id: suspendedOwner }, data: { disabledAt: new Date() } });
    expect(await refusal(await visit(new URL(url).pathname))).toMatchObject({ status: 410, message: expect.stringContaining("suspended") });
  });

  it("answers 429 with Retry-After once an address has used its budget, and touches no other path", async () => {
    const { token } = await newRequest();
    const ip = "203.0.113.7";
    for (let i = 0; i < 3; i++) expect((await visit(`/r/${token}`, ip)).headers.get("x-middleware-next")).toBe("1");
    const limited = await visit(`/r/${token}`, ip);
    expect(await refusal(limited)).toMatchObject({ status: 429, heading: "Too many attempts" });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);

    // Other pages, and deeper paths under /r/ (Next's own 404), are not the guard's.
    for (const path of ["/uploads", `/r/${token}/more`, "/requests"]) expect((await visit(path, ip)).headers.get("x-middleware-next")).toBe("1");
  });
});
