import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { e2eServer } from "./support/server";
import { signInApi, signUpApi } from "./support/session";

// The HTTP contract at the edges: every bad input is a 4xx JSON error and creates nothing.

async function expectError(response: APIResponse, status: number, code: string) {
  expect(response.status(), await response.text()).toBe(status);
  expect((await response.json()).error).toMatchObject({ code, message: expect.any(String) });
}

const someId = randomUUID();

test("without a session the API answers 401 JSON; health and auth stay public", async ({ playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: e2eServer.url });
  const calls: Array<() => Promise<APIResponse>> = [
    () => anonymous.get("/api/uploads"),
    () => anonymous.post("/api/uploads", { data: { name: "a.txt", type: "text/plain", size: 1 } }),
    () => anonymous.get(`/api/uploads/${someId}`),
    () => anonymous.delete(`/api/uploads/${someId}`),
    () => anonymous.post(`/api/uploads/${someId}/complete`),
    () => anonymous.get("/api/no-such-route"),
  ];
  for (const call of calls) await expectError(await call(), 401, "unauthenticated");
  // The e2e server scans with the run's clamd (scripts/run-tests.sh starts it).
  expect(await (await anonymous.get("/api/health")).json()).toEqual({ db: "ok", s3: "ok", scanner: "ok" });
  expect((await anonymous.get("/api/auth/csrf")).status()).toBe(200);

  // A forged session cookie is no session.
  const forged = await playwright.request.newContext({ baseURL: e2eServer.url, extraHTTPHeaders: { cookie: "next-auth.session-token=eyJhbGciOiJIUzI1NiJ9.forged.signature" } });
  await expectError(await forged.get("/api/uploads"), 401, "unauthenticated");
  await anonymous.dispose();
  await forged.dispose();
});

test.describe("signed in", () => {
  let api: APIRequestContext;

  test.beforeAll(async ({ playwright }) => {
    api = await playwright.request.newContext({ baseURL: e2eServer.url });
    await signInApi(api, await signUpApi(api));
  });
  test.afterAll(() => api.dispose());

  const count = async () => (await (await api.get("/api/uploads?limit=100")).json()).items.length;

  test("malformed JSON, wrong types and missing fields are 4xx and create nothing", async () => {
    const before = await count();
    const post = (data: string) => api.post("/api/uploads", { data: Buffer.from(data), headers: { "content-type": "application/json" } });
    await expectError(await post("{not json"), 400, "invalid_json");
    await expectError(await post(""), 422, "validation_failed");
    await expectError(await post("[]"), 422, "validation_failed");
    await expectError(await post('{"name":"a.txt"}'), 422, "validation_failed");
    await expectError(await post('{"name":"a.txt","type":"text/plain","size":"12"}'), 422, "validation_failed");
    await expectError(await post('{"name":7,"type":"text/plain","size":12}'), 422, "validation_failed");
    await expectError(await post(JSON.stringify({ name: "x".repeat(100_000), type: "text/plain", size: 1 })), 413, "body_too_large");
    expect(await count()).toBe(before);
  });

  test("absurd sizes, bad names, bad types and bad MD5s are refused", async () => {
    const before = await count();
    const create = (data: Record<string, unknown>) => api.post("/api/uploads", { data: { name: "a.txt", type: "text/plain", size: 10, ...data } });
    for (const size of [-1, 1.5, 1e300, Number.MAX_SAFE_INTEGER + 2]) await expectError(await create({ size }), 422, "validation_failed");
    await expectError(await create({ size: 6 * 1024 ** 4 }), 413, "file_too_large");
    await expectError(await create({ size: e2eServer.quotaBytes + 1 }), 413, "quota_exceeded");
    for (const name of ["", "....", "\u0000", "\u202e", "/../"]) await expectError(await create({ name }), 422, "invalid_name");
    await expectError(await create({ type: "text/html" }), 422, "type_not_allowed");
    await expectError(await create({ type: "not a type" }), 422, "invalid_type");
    await expectError(await create({ md5: "abc" }), 422, "validation_failed");
    expect(await count()).toBe(before);
  });

  test("hostile names are cleaned, never used as a path", async () => {
    const response = await api.post("/api/uploads", { data: { name: "../../etc/passwd\u202e\u0000", type: "text/plain", size: 3 } });
    expect(response.status()).toBe(201);
    const ticket = await response.json();
    expect(ticket.upload.name).toBe("etc_passwd");
    expect(new URL(ticket.url).pathname).toMatch(new RegExp(`^/${e2eServer.bucket}/incoming/u/[0-9a-f-]{36}/${ticket.upload.id}/etc_passwd$`));
    expect(ticket.headers).toEqual({
      "Content-Type": "text/plain",
      "x-amz-acl": "private",
      "x-amz-server-side-encryption": "aws:kms",
      "x-amz-server-side-encryption-aws-kms-key-id": e2eServer.encryption.S3_SSE_KMS_KEY_ID,
    });
  });

  test("unknown, malformed and unfinished ids", async () => {
    for (const id of [someId, "not-a-uuid", "..%2F..%2Fetc"]) {
      await expectError(await api.get(`/api/uploads/${id}`), 404, "not_found");
      await expectError(await api.post(`/api/uploads/${id}/complete`), 404, "not_found");
      await expectError(await api.delete(`/api/uploads/${id}`), 404, "not_found");
    }
    const ticket = await (await api.post("/api/uploads", { data: { name: "later.txt", type: "text/plain", size: 5 } })).json();
    await expectError(await api.post(`/api/uploads/${ticket.upload.id}/complete`), 409, "object_missing");
    expect((await (await api.get(`/api/uploads/${ticket.upload.id}`)).json()).upload.status).toBe("PENDING");
    expect((await api.delete(`/api/uploads/${ticket.upload.id}`)).status()).toBe(204);
    expect((await (await api.get(`/api/uploads/${ticket.upload.id}`)).json()).upload.status).toBe("ABORTED");
    await expectError(await api.post(`/api/uploads/${ticket.upload.id}/complete`), 409, "upload_closed");
  });

  test("part signing refuses bad part numbers, MD5s and batch sizes over HTTP", async () => {
    const size = 100 * 1024 * 1024; // 7 parts of 16 MiB
    const ticket = await (await api.post("/api/uploads", { data: { name: "parts.bin", type: "application/octet-stream", size } })).json();
    expect(ticket).toMatchObject({ strategy: "multipart", partSize: 16 * 1024 * 1024, partCount: 7 });
    const sign = (parts: unknown) => api.post(`/api/uploads/${ticket.upload.id}/parts`, { data: { parts } });
    for (const parts of [
      [{ number: 0 }],
      [{ number: 10_001 }],
      [{ number: 1, md5: "zz" }],
      [{ number: 2 }, { number: 2 }],
      Array.from({ length: 101 }, (_, i) => ({ number: i + 1 })),
      [],
      "1",
    ]) {
      await expectError(await sign(parts), 422, "validation_failed");
    }
    await expectError(await sign([{ number: 8 }]), 422, "part_out_of_range");
    const signed = await (await sign([{ number: 1, md5: "1B2M2Y8AsgTpgAmY7PhCfg==" }, { number: 7 }])).json();
    expect(signed.parts.map((part: { number: number }) => part.number)).toEqual([1, 7]);
    expect(signed.parts[0].headers["Content-MD5"]).toBe("1B2M2Y8AsgTpgAmY7PhCfg==");
    expect((await (await api.get(`/api/uploads/${ticket.upload.id}/parts`)).json()).parts).toEqual([]);
    await expectError(await api.post(`/api/uploads/${ticket.upload.id}/complete`), 409, "parts_missing");
    expect((await api.delete(`/api/uploads/${ticket.upload.id}`)).status()).toBe(204);
    await expectError(await sign([{ number: 1 }]), 409, "upload_closed");
  });

  test("list query values are validated", async () => {
    await expectError(await api.get("/api/uploads?limit=1000"), 422, "validation_failed");
    await expectError(await api.get("/api/uploads?cursor=nope"), 422, "invalid_cursor");
  });

  test("a method an address does not take is 405 JSON, not an empty answer", async () => {
    const before = await count();
    const calls: Array<[string, string]> = [
      ["PUT", "/api/health"],
      ["PATCH", "/api/uploads"],
      ["PUT", `/api/uploads/${someId}/complete`],
      ["DELETE", "/api/account/usage"],
    ];
    for (const [method, path] of calls) {
      const response = await api.fetch(path, { method, headers: { origin: e2eServer.url } });
      await expectError(response, 405, "method_not_allowed");
      expect((await response.json()).error.message).toBe(`This address does not take ${method} requests.`);
    }
    expect(await count()).toBe(before);
  });
});

test("sign-up validates its input", async ({ playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: e2eServer.url });
  await expectError(await anonymous.post("/api/account", { data: Buffer.from("{"), headers: { "content-type": "application/json" } }), 400, "invalid_json");
  await expectError(await anonymous.post("/api/account", { data: { email: "x@e2e.local", password: "short", name: "X" } }), 422, "validation_failed");
  await expectError(await anonymous.post("/api/account", { data: { email: "not-an-email", password: "long enough password", name: "X" } }), 422, "validation_failed");
  await expectError(await anonymous.post("/api/account", { data: { email: e2eServer.admin.email, password: "long enough password", name: "X" } }), 409, "email_taken");
  await anonymous.dispose();
});
