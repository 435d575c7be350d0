import { describe, expect, it, vi } from "vitest";
import { HttpError } from "@/lib/errors";
import { readForm, readJson } from "@/lib/http";
import { createUploadSchema } from "@/lib/validations/upload";

// lib/http imports next-auth's setup, which has no place in these tests.
vi.mock("@/lib/auth", () => ({ requireUser: vi.fn(), requireAdmin: vi.fn() }));

const JSON_TYPE = { "content-type": "application/json" };
const post = (body: BodyInit, headers: Record<string, string> = JSON_TYPE) =>
  new Request("http://app.test/api/uploads", { method: "POST", body, headers, duplex: "half" } as RequestInit);

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

async function status(promise: Promise<unknown>) {
  const error = await failure(promise);
  expect(error).toBeInstanceOf(HttpError);
  return { status: (error as HttpError).status, code: (error as HttpError).code };
}

/** A body that never ends, sent without Content-Length; counts the chunks it was asked for. */
function endlessBody() {
  const chunk = new Uint8Array(16 * 1024).fill(0x20);
  const stream = { pulls: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      stream.pulls += 1;
      controller.enqueue(chunk);
    },
  });
  return { body, stream };
}

describe("readJson", () => {
  it("answers 400 for malformed JSON and for bytes that are not UTF-8", async () => {
    expect(await status(readJson(post("{name:"), createUploadSchema))).toEqual({ status: 400, code: "invalid_json" });
    expect(await status(readJson(post(new Uint8Array([0x22, 0xff, 0x22])), createUploadSchema))).toEqual({ status: 400, code: "invalid_json" });
  });

  it("answers 422 (a ZodError) for wrong types and missing fields", async () => {
    for (const body of [
      '{"name":"a.txt","type":"text/plain","size":"12"}',
      '{"name":"a.txt"}',
      "[]",
      "null",
      "",
      '{"name":"a","type":"t/t","size":1.5}',
      '{"name":"a","type":"t/t","size":-1}',
      '{"name":"a","type":"t/t","size":1e400}',
    ]) {
      const error = await failure(readJson(post(body), createUploadSchema));
      expect((error as Error).name, body).toBe("ZodError");
    }
  });

  it("answers 413 for bodies over 64 KiB", async () => {
    expect(await status(readJson(post(JSON.stringify({ name: "x".repeat(70_000) })), createUploadSchema))).toEqual({ status: 413, code: "body_too_large" });
  });

  it("counts bytes, not characters", async () => {
    // 40,000 characters, but 80,000 bytes of UTF-8.
    const body = JSON.stringify({ name: "é".repeat(40_000) });
    expect(body.length).toBeLessThan(64 * 1024);
    expect(await status(readJson(post(body), createUploadSchema))).toEqual({ status: 413, code: "body_too_large" });
  });

  it("answers 413 from Content-Length alone, before reading", async () => {
    const { body, stream } = endlessBody();
    const request = post(body, { ...JSON_TYPE, "content-length": String(10 * 1024 * 1024) });
    expect(await status(readJson(request, createUploadSchema))).toEqual({ status: 413, code: "body_too_large" });
    expect(stream.pulls).toBeLessThanOrEqual(1); // a stream pulls once on creation; nothing was read
  });

  it("stops reading an endless body without Content-Length", async () => {
    const { body, stream } = endlessBody();
    expect(await status(readJson(post(body), createUploadSchema))).toEqual({ status: 413, code: "body_too_large" });
    expect(stream.pulls).toBeLessThan(10);
  });

  it("answers 415 when a body is not declared as JSON", async () => {
    const valid = '{"name":"a.txt","type":"text/plain","size":12}';
    const cases: Record<string, string>[] = [
      {},
      { "content-type": "text/plain" },
      { "content-type": "application/x-www-form-urlencoded" },
      { "content-type": "application/jsonp" },
    ];
    for (const headers of cases) {
      expect(await status(readJson(post(valid, headers), createUploadSchema)), JSON.stringify(headers)).toEqual({ status: 415, code: "unsupported_media_type" });
    }
  });

  it("returns the parsed value when it fits", async () => {
    const expected = { name: "a.txt", type: "text/plain", size: 12 };
    await expect(readJson(post(JSON.stringify(expected)), createUploadSchema)).resolves.toEqual(expected);
    await expect(readJson(post(JSON.stringify(expected), { "content-type": "Application/JSON; charset=utf-8" }), createUploadSchema)).resolves.toEqual(expected);
  });
});

describe("readForm (the share page's password form)", () => {
  const FORM = { "content-type": "application/x-www-form-urlencoded" };

  it("reads the fields of a small form; no body is an empty form", async () => {
    expect((await readForm(post("password=s%C3%A9same+ouvre-toi", FORM))).get("password")).toBe("sésame ouvre-toi");
    expect([...(await readForm(new Request("http://app.test/s/x/download", { method: "POST" })))]).toEqual([]);
  });

  it("stops reading an endless body without Content-Length at 4 KiB (413)", async () => {
    const { body, stream } = endlessBody();
    expect(await status(readForm(post(body, FORM)))).toEqual({ status: 413, code: "body_too_large" });
    expect(stream.pulls).toBeLessThan(5);
  });

  it("answers 415 for other media types and 400 for bytes that are not UTF-8", async () => {
    for (const headers of [{}, JSON_TYPE, { "content-type": "multipart/form-data; boundary=x" }]) {
      expect(await status(readForm(post("password=x", headers))), JSON.stringify(headers)).toEqual({ status: 415, code: "unsupported_media_type" });
    }
    expect(await status(readForm(post(new Uint8Array([0x70, 0x3d, 0xff]), FORM)))).toEqual({ status: 400, code: "invalid_form" });
  });
});
