import { createHash, randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type AppInstance, freePort, startAppInstance } from "../support/app-instance";
import { CookieJar } from "../support/cookie-jar";
import { must } from "../support/must";
import { adminQuery, databaseUrl } from "../support/database-templates";

// Two instances of the built app (scripts/serve.sh, as an operator runs each one) on one fresh
// PostgreSQL database and one bucket on the run's radosgw (S3_ENDPOINT), started at the same time
// as replicas behind a load balancer are. Both run the job workers (WORKER_IN_APP, the default):
// pg-boss hands each job to one of them. They share APP_URL (the address the load balancer would
// answer on; here A's) and AUTH_SECRET, so a session cookie from one is good on the other. Every
// request comes from 127.0.0.1, so per-address limits count all of them under one address.

const MiB = 1024 ** 2;
const SIGNUPS_PER_HOUR = 2;
const database = `slipway_instances_${process.pid}_${Date.now()}`;
const user = { email: `owner-${randomUUID().slice(0, 8)}@instances.local`, password: "instances-password-0123", name: "Owner" };
let a: AppInstance;
let b: AppInstance;

beforeAll(async () => {
  await adminQuery(`CREATE DATABASE ${database}`);
  const [portA, portB] = [await freePort(), await freePort()];
  const shared = {
    DATABASE_URL: databaseUrl(database),
    APP_URL: `http://127.0.0.1:${portA}`,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    S3_BUCKET: "slipway-instances",
    ADMIN_EMAIL: "admin@instances.local",
    ADMIN_PASSWORD: "instances-admin-password",
    REVIEW_MODE: "off",
    SIGNUP_LIMIT_PER_HOUR: String(SIGNUPS_PER_HOUR),
    // 4 × N downloads below come from one address in a burst: not what this limit is for.
    LINK_ACCESS_PER_IP_PER_MINUTE: "1000",
    MULTIPART_THRESHOLD_BYTES: String(5 * MiB),
    MULTIPART_PART_BYTES: String(5 * MiB),
  };
  // Both are kept even when one fails to start (it is undefined; afterAll stops each with ?.), so
  // that the other is stopped: an instance left running once its database is dropped spins at a
  // full core (a whole CI run crawled behind one).
  const started = await Promise.allSettled([startAppInstance(portA, shared), startAppInstance(portB, shared)]);
  [a, b] = started.map((outcome) => (outcome.status === "fulfilled" ? outcome.value : undefined)) as [AppInstance, AppInstance];
  const failed = started.find((outcome) => outcome.status === "rejected");
  if (failed) throw failed.reason;
}, 300_000);

afterAll(async () => {
  // The file's bytes: the bucket may be a long-lived development store.
  if (uploadId) await api(owner, a, `/api/uploads/${uploadId}`, "DELETE");
  await Promise.all([a?.stop(), b?.stop()]);
  await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
}, 60_000);

/** A JSON API call as whoever signed in to `jar`, on one instance. */
async function api(jar: CookieJar, instance: AppInstance, path: string, method = "GET", body?: unknown) {
  const response = await jar.fetch(`${instance.url}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

const signUp = (instance: AppInstance, account: { email: string; password: string; name: string }) => api(new CookieJar(), instance, "/api/account", "POST", account);

const md5 = (bytes: Uint8Array) => createHash("md5").update(bytes).digest("base64");
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

let owner: CookieJar;
let uploadId: string;

it("a sign-up limit used up on one instance holds on the other", async () => {
  // One address's sign-ups, as a botnet-free attacker would spread them over the instances.
  expect((await signUp(a, user)).status).toBe(201);
  for (let i = 1; i < SIGNUPS_PER_HOUR; i++) {
    expect((await signUp(a, { ...user, email: `spare-${i}-${user.email}` })).status).toBe(201);
  }
  const onB = await signUp(b, { ...user, email: `over-${user.email}` });
  expect(onB.status, `B answered ${JSON.stringify(onB.body)}: its limiter does not see A's sign-ups`).toBe(429);
  expect(onB.body.error.code).toBe("rate_limited");
  expect((await signUp(a, { ...user, email: `over-a-${user.email}` })).status).toBe(429);
});

it("a multipart upload created on A, its parts signed by A and B, completes on B", async () => {
  owner = new CookieJar();
  await owner.signIn(a.url, user.email, user.password);
  const bytes = randomBytes(11 * MiB);
  const created = await api(owner, a, "/api/uploads", "POST", { name: "across.bin", type: "application/octet-stream", size: bytes.length });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect(created.body).toMatchObject({ strategy: "multipart", partCount: 3, partSize: 5 * MiB });
  uploadId = created.body.upload.id;

  const part = (number: number) => bytes.subarray((number - 1) * 5 * MiB, number * 5 * MiB);
  const signOn = async (instance: AppInstance, numbers: number[]) => {
    const signed = await api(owner, instance, `/api/uploads/${uploadId}/parts`, "POST", { parts: numbers.map((number) => ({ number, md5: md5(part(number)) })) });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    return signed.body.parts as { number: number; url: string; headers: Record<string, string> }[];
  };
  const signed = [...(await signOn(a, [1, 3])), ...(await signOn(b, [2]))];
  await Promise.all(
    signed.map(async ({ number, url, headers }) => {
      const put = await fetch(url, { method: "PUT", headers, body: part(number) });
      expect(put.status, await put.text()).toBe(200);
    }),
  );

  // B lists what A's and B's URLs stored, then completes.
  const listed = await api(owner, b, `/api/uploads/${uploadId}/parts`);
  expect(listed.body.parts.map((p: { number: number }) => p.number)).toEqual([1, 2, 3]);
  const completed = await api(owner, b, `/api/uploads/${uploadId}/complete`, "POST");
  expect(completed.status, JSON.stringify(completed.body)).toBe(200);
  expect(completed.body.upload).toMatchObject({ status: "COMPLETE", size: bytes.length });

  // A serves the bytes B assembled.
  const download = await owner.fetch(`${a.url}/api/uploads/${uploadId}/download`);
  expect(download.status).toBe(302);
  const stored = new Uint8Array(await (await fetch(must(download.headers.get("location"), "a presigned URL"))).arrayBuffer());
  expect(sha256(stored)).toBe(sha256(bytes));

  // One of the two workers processes it; both instances report the same result.
  let processing;
  for (let waited = 0; waited < 60_000; waited += 250) {
    processing = (await api(owner, waited % 500 ? a : b, `/api/uploads/${uploadId}`)).body.upload.processing;
    if (!["queued", "running"].includes(processing?.state)) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  expect(processing).toMatchObject({ state: "off", sha256: sha256(bytes) });
});

it("a link limited to N downloads gives exactly N across both instances under concurrency", async () => {
  const N = 5;
  const created = await api(owner, b, `/api/uploads/${uploadId}/links`, "POST", { expiresInSeconds: 3600, maxDownloads: N });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const path = `${new URL(created.body.url).pathname}/download`;

  // 4N at once, alternating instances; each instance's requests race each other's too.
  const statuses = await Promise.all(
    Array.from({ length: 4 * N }, (_, i) => fetch(`${(i % 2 ? b : a).url}${path}`, { redirect: "manual" }).then(async (response) => (await response.text(), response.status))),
  );
  expect(statuses.filter((status) => status === 302)).toHaveLength(N);
  expect(statuses.filter((status) => status === 410)).toHaveLength(3 * N);

  for (const instance of [a, b]) {
    const links = await api(owner, instance, `/api/uploads/${uploadId}/links`);
    expect(links.body.items.find((link: { id: string }) => link.id === created.body.link.id).downloadCount).toBe(N);
  }
});
