import { describe, expect, it } from "vitest";
import { HttpError } from "@/lib/errors";
import { readJson } from "@/lib/http";
import { createUploadSchema } from "@/lib/validations/upload";

const post = (body: string, headers: Record<string, string> = {}) => new Request("http://app.test/api/uploads", { method: "POST", body, headers });

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("readJson", () => {
  it("answers 400 for malformed JSON", async () => {
    const error = await failure(readJson(post("{name:"), createUploadSchema));
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(400);
  });

  it("answers 422 (a ZodError) for wrong types and missing fields", async () => {
    for (const body of ['{"name":"a.txt","type":"text/plain","size":"12"}', '{"name":"a.txt"}', "[]", "null", "", '{"name":"a","type":"t/t","size":1.5}', '{"name":"a","type":"t/t","size":-1}', '{"name":"a","type":"t/t","size":1e400}']) {
      const error = await failure(readJson(post(body), createUploadSchema));
      expect((error as Error).name, body).toBe("ZodError");
    }
  });

  it("answers 413 for bodies over 64 KiB", async () => {
    const error = await failure(readJson(post(JSON.stringify({ name: "x".repeat(70_000) })), createUploadSchema));
    expect((error as HttpError).status).toBe(413);
  });

  it("returns the parsed value when it fits", async () => {
    await expect(readJson(post('{"name":"a.txt","type":"text/plain","size":12}'), createUploadSchema)).resolves.toEqual({ name: "a.txt", type: "text/plain", size: 12 });
  });
});
