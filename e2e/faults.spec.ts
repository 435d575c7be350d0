import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { GetObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { expect, test, type Page } from "@playwright/test";
import { type AppInstance, startAppInstance } from "../tests/support/app-instance";
import { must } from "../tests/support/must";
import { dropPageFiles, makePageFile, throttleUploads } from "./support/page-files";
import { PrivateObjectStore } from "./support/private-object-store";
import { PrivatePostgres } from "./support/private-postgres";
import { signInUi, signUpApi } from "./support/session";

// Faults are made on a stack of this file's own (object store, PostgreSQL cluster, app instance),
// so killing its radosgw or restarting its database cannot disturb the other specs' server.
const MiB = 1024 ** 2;
const BUCKET = "slipway-faults";
// Without FORCE_COLOR (Playwright sets it for its workers), or node prints the port in colour.
const freePort = () => Number(execFileSync("bash", ["scripts/free-port.sh"], { encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0" } }));
const appPort = freePort();
let store: PrivateObjectStore;
let postgres: PrivatePostgres;
let app: AppInstance;

test.describe.configure({ mode: "serial" });
test.use({ baseURL: `http://127.0.0.1:${appPort}` });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  store = new PrivateObjectStore(freePort(), freePort());
  postgres = new PrivatePostgres(freePort());
  const storeStarted = store.start(); // a new Ceph cluster takes a while: set up the database meanwhile
  postgres.init();
  postgres.start();
  await storeStarted;
  app = await startAppInstance(appPort, {
    DATABASE_URL: postgres.url,
    S3_ENDPOINT: store.endpoint,
    S3_BUCKET: BUCKET,
    // Small parts, so a 40 MiB file is 8 of them and a throttled upload is many seconds long.
    MULTIPART_THRESHOLD_BYTES: String(5 * MiB),
    MULTIPART_PART_BYTES: String(5 * MiB),
    CLAMD_HOST: undefined, // scanning is not what is tested here
    SIGNUP_LIMIT_PER_HOUR: "1000",
  });
});

// On a failure, what the app printed while the fault was made (the report shows it).
test.afterEach(async ({}, testInfo) => {
  if (app && testInfo.status !== testInfo.expectedStatus) await testInfo.attach("app log", { body: app.output().slice(-20_000), contentType: "text/plain" });
});

test.afterAll(async () => {
  await app?.stop();
  store?.destroy();
  postgres?.destroy();
});

const zone = (page: Page) => page.getByRole("region", { name: "Upload files" });
const row = (page: Page, name: string) => page.getByRole("listitem").filter({ hasText: name });
const stateOf = (page: Page, name: string) => row(page, name).getByTestId("upload-state");

async function uploadIdOf(page: Page, name: string): Promise<string> {
  await expect(row(page, name)).toHaveAttribute("data-upload-id", /.+/, { timeout: 30_000 });
  return must(await row(page, name).getAttribute("data-upload-id"), `the upload id of ${name}`);
}

/** Parts storage holds for an upload, as the app lists them. */
async function storedPartCount(page: Page, id: string): Promise<number> {
  // -1 for a refusal or a dropped connection: polled, so the next call asks again.
  const response = await page.request.get(`/api/uploads/${id}/parts`).catch(() => null);
  return response?.ok() ? (await response.json()).parts.length : -1;
}

/** sha256 of an upload's stored object, read straight from the private bucket. */
async function storedSha256(id: string): Promise<string> {
  const s3 = new S3Client({
    endpoint: store.endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyId: "slipway-local-access", secretAccessKey: "slipway-local-secret-key-0123456789" },
  });
  try {
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: "u/" }));
    const key = must(listed.Contents?.find((object) => object.Key?.split("/")[2] === id)?.Key, `an object for upload ${id}`);
    const object = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    return createHash("sha256")
      .update(await must(object.Body, key).transformToByteArray())
      .digest("hex");
  } finally {
    s3.destroy();
  }
}

/** Signs up, drops a 40 MiB file (8 parts) at 6 MiB/s, and waits until some parts are stored but not all. */
async function uploadUntilSomePartsAreStored(page: Page, file: { name: string; seed: number }) {
  await signInUi(page, await signUpApi(page.request));
  const sha = await makePageFile(page, { ...file, size: 40 * MiB });
  await throttleUploads(page, 6 * MiB);
  await dropPageFiles(zone(page), [file.name]);
  const id = await uploadIdOf(page, file.name);
  await expect.poll(() => storedPartCount(page, id), { timeout: 60_000, intervals: [200] }).toBeGreaterThanOrEqual(1);
  return { id, sha };
}

test("radosgw killed mid-upload and started again: the upload waits, retries and completes intact", async ({ page }) => {
  const file = { name: "gateway-crash.bin", seed: 11 };
  const { id, sha } = await uploadUntilSomePartsAreStored(page, file);
  expect(await storedPartCount(page, id)).toBeLessThan(8);
  store.killGateway();
  await expect(row(page, file.name).getByText(/Retrying in \d+ s/)).toBeVisible(); // parts in flight failed
  await expect(stateOf(page, file.name)).toHaveText("Uploading");

  await store.startGateway();
  await expect(stateOf(page, file.name)).toHaveText("Uploaded", { timeout: 90_000 });
  expect(await storedSha256(id)).toBe(sha);
});

test("PostgreSQL restarted mid-upload: API calls answer 503 meanwhile, the upload completes intact", async ({ page }) => {
  const file = { name: "database-restart.bin", seed: 12 };
  const { id, sha } = await uploadUntilSomePartsAreStored(page, file);
  postgres.stop();

  const health = await page.request.get("/api/health");
  expect([health.status(), await health.json()]).toEqual([503, expect.objectContaining({ db: "down", s3: "ok" })]);
  // Signing and completing need the database: a clear 503 the engine retries, never a 500.
  for (const response of [await page.request.post(`/api/uploads/${id}/parts`, { data: { parts: [{ number: 8 }] } }), await page.request.post(`/api/uploads/${id}/complete`)]) {
    expect(response.status(), await response.text()).toBe(503);
    expect((await response.json()).error).toMatchObject({ code: "database_busy", message: expect.stringMatching(/database/i) });
  }
  // Parts already signed still reach storage; signing the others, or completing, waits on the database.
  await expect(row(page, file.name).getByText(/^Slipway is briefly unavailable\. Retrying in \d+ s…$/)).toBeVisible({ timeout: 30_000 });

  postgres.start();
  await expect(stateOf(page, file.name)).toHaveText("Uploaded", { timeout: 60_000 });
  expect(await storedSha256(id)).toBe(sha);
  // The job queue reconnected too: the finished file's processing job (no scanner here: "off") ran
  // and hashed the object. toPass, not poll: a request may meet a connection the server just closed.
  await expect(async () => {
    const { upload } = await (await page.request.get(`/api/uploads/${id}`)).json();
    expect(upload.processing).toMatchObject({ state: "off", sha256: sha });
  }).toPass({ timeout: 60_000 });
});

test("S3 down: health and upload calls answer 503, the page says storage is unavailable, then the file completes", async ({ page }) => {
  await signInUi(page, await signUpApi(page.request));
  const file = { name: "storage-down.bin", seed: 13, size: 10 * MiB };
  const sha = await makePageFile(page, file);
  store.killGateway();

  const health = await page.request.get("/api/health");
  expect(health.status()).toBe(503);
  expect(await health.json()).toMatchObject({ db: "ok", s3: "down" });
  const created = await page.request.post("/api/uploads", { data: { name: "direct.bin", type: "application/octet-stream", size: 10 * MiB } });
  expect(created.status(), await created.text()).toBe(503);
  expect((await created.json()).error).toMatchObject({ code: "storage_unavailable", message: expect.stringMatching(/storage/i) });

  await dropPageFiles(zone(page), [file.name]);
  await expect(row(page, file.name).getByText(/^File storage is unavailable right now\. Retrying in \d+ s…$/)).toBeVisible();

  await store.startGateway(); // nothing to do on the page: the engine's next try goes through
  await expect(stateOf(page, file.name)).toHaveText("Uploaded", { timeout: 60_000 });
  expect(await storedSha256(await uploadIdOf(page, file.name))).toBe(sha);
  expect((await page.request.get("/api/health")).status()).toBe(200);
});
