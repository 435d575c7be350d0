import { afterEach, describe, expect, it, vi } from "vitest";

// lib/env parses process.env once, at import: each case loads it afresh.
async function loadEnv(vars: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
  return (await import("@/lib/env")).env;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("env", () => {
  it("treats empty variables as unset", async () => {
    const env = await loadEnv({ S3_ENDPOINT: "", APP_URL: "", DATABASE_URL: "", UPLOAD_MAX_BYTES: "", SIGNUP_ENABLED: "" });
    expect(env.S3_ENDPOINT).toBe("http://127.0.0.1:7480");
    expect(env.APP_URL).toBe("http://127.0.0.1:3000");
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.UPLOAD_MAX_BYTES).toBe(5 * 1024 ** 4);
    expect(env.SIGNUP_ENABLED).toBe(true);
  });

  it("reads booleans whatever their case", async () => {
    const env = await loadEnv({ SIGNUP_ENABLED: "FALSE", S3_FORCE_PATH_STYLE: "No" });
    expect([env.SIGNUP_ENABLED, env.S3_FORCE_PATH_STYLE]).toEqual([false, false]);
    expect((await loadEnv({ SIGNUP_ENABLED: "True" })).SIGNUP_ENABLED).toBe(true);
    await expect(loadEnv({ SIGNUP_ENABLED: "maybe" })).rejects.toThrow(/Invalid configuration/);
  });
});

describe("env: server-side encryption", () => {
  it("is off by default and takes AES256 alone, aws:kms with its key", async () => {
    expect((await loadEnv({})).S3_SSE).toBe("none");
    expect((await loadEnv({ S3_SSE: "AES256" })).S3_SSE).toBe("AES256");
    const kms = await loadEnv({ S3_SSE: "aws:kms", S3_SSE_KMS_KEY_ID: "slipway-local" });
    expect([kms.S3_SSE, kms.S3_SSE_KMS_KEY_ID]).toEqual(["aws:kms", "slipway-local"]);
  });

  // Each case alone: a variable stubbed by one load would still be set for the next.
  it.each([
    [{ S3_SSE: "aws:kms" }, /S3_SSE=aws:kms needs S3_SSE_KMS_KEY_ID/],
    [{ S3_SSE_KMS_KEY_ID: "slipway-local" }, /S3_SSE_KMS_KEY_ID applies only to S3_SSE=aws:kms \(S3_SSE is none\)/],
    [{ S3_SSE: "AES256", S3_SSE_KMS_KEY_ID: "slipway-local" }, /S3_SSE is AES256/],
    [{ S3_SSE: "aes256" }, /Invalid configuration[\s\S]*S3_SSE/],
  ])("refuses %o at startup, saying what to set", async (vars, message) => {
    await expect(loadEnv(vars)).rejects.toThrow(message);
  });
});
