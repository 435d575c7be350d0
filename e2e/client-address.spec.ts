import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { expect, request, test } from "@playwright/test";
import { freePort, startAppInstance } from "../tests/support/app-instance";
import { signInApi } from "./support/session";
import { e2eServer } from "./support/server";

// Per-address limits and the audit log against the real server, as an attacker tries them: a
// made-up X-Forwarded-For (and X-Real-IP, Forwarded) on every request. One server with 3 sign-ups
// per address per hour, first with no proxy in front, then restarted with TRUST_PROXY=1.

// A data dir kept between the two starts (the second runs server.ts alone on it), emptied first.
const dataDir = ".data/e2e-client-address";
rmSync(dataDir, { recursive: true, force: true });
const settings = {
  SLIPWAY_DATA_DIR: dataDir,
  S3_BUCKET: `${e2eServer.bucket}-address`,
  SIGNUP_LIMIT_PER_HOUR: "3",
  ADMIN_EMAIL: e2eServer.admin.email,
  ADMIN_PASSWORD: e2eServer.admin.password,
};

/** POST /api/account with the given headers; the status and the new account's e-mail. */
async function signUp(base: string, headers: Record<string, string>) {
  const email = `address-${randomUUID()}@e2e.local`;
  const response = await fetch(`${base}/api/account`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ email, password: "a-long-enough-password", name: "Someone" }),
  });
  return { status: response.status, email };
}

/** The address the audit log recorded for an account's creation, read as the admin. */
async function auditedAddress(base: string, email: string): Promise<string | null> {
  const admin = await request.newContext({ baseURL: base });
  try {
    await signInApi(admin, e2eServer.admin);
    const answer = await admin.get(`/api/admin/audit?action=account.create&actor=${encodeURIComponent(email)}`);
    expect(answer.status(), await answer.text()).toBe(200);
    const { items } = await answer.json();
    expect(items).toHaveLength(1);
    return items[0].ip;
  } finally {
    await admin.dispose();
  }
}

const forged = (n: number) => ({ "x-forwarded-for": `198.51.100.${n}`, "x-real-ip": `198.51.100.${n}`, forwarded: `for=198.51.100.${n}` });

test("the client address is the socket's peer, or with TRUST_PROXY=1 the proxy's entry: forged headers dodge no limit and reach no audit row", async () => {
  test.setTimeout(240_000); // two server starts
  const port = await freePort();
  const direct = await startAppInstance(port, settings);
  let statuses: number[] = [];
  try {
    const accounts = [];
    for (let n = 1; n <= 4; n++) accounts.push(await signUp(direct.url, forged(n)));
    statuses = accounts.map((account) => account.status);
    expect(statuses, "a new forged address on each request still counts against 127.0.0.1").toEqual([201, 201, 201, 429]);
    expect(await auditedAddress(direct.url, accounts[0].email)).toBe("127.0.0.1");
  } finally {
    // SIGTERM ends the server the way `next start` ends: 128 + 15 once requests are done.
    expect(await direct.stop()).toBe(143);
  }

  // Restarted behind one trusted proxy (the data dir is ready: server.ts alone).
  const proxied = await startAppInstance(port, { ...settings, TRUST_PROXY: "1" }, { command: "server.ts" });
  try {
    const viaProxy = (client: string, n: number) => ({ "x-forwarded-for": `198.51.100.${n}, ${client}` });
    const first = await signUp(proxied.url, viaProxy("203.0.113.7", 1));
    expect(first.status).toBe(201);
    expect(await auditedAddress(proxied.url, first.email)).toBe("203.0.113.7");
    for (let n = 2; n <= 3; n++) expect((await signUp(proxied.url, viaProxy("203.0.113.7", n))).status).toBe(201);
    expect((await signUp(proxied.url, viaProxy("203.0.113.7", 4))).status, "entries left of the proxy's change nothing").toBe(429);
    expect((await signUp(proxied.url, viaProxy("203.0.113.8", 5))).status, "another client behind the proxy has its own budget").toBe(201);
    // The socket's peer without the proxy's header: what reaches the app directly.
    expect((await signUp(proxied.url, {})).status).toBe(201);
  } finally {
    expect(await proxied.stop()).toBe(143);
  }
});
