import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";

// Loading the route sets up next-auth, which creates its auth secret under the data dir: keep
// that out of the repository's .data.
const dataDir = mkdtempSync(path.join(tmpdir(), "slipway-signup-"));

// SIGNUP_ENABLED is read once at start-up, so each case loads the route module afresh.
async function signUp(enabled: string) {
  vi.resetModules();
  vi.stubEnv("SLIPWAY_DATA_DIR", dataDir);
  vi.stubEnv("SIGNUP_ENABLED", enabled);
  const { POST } = await import("@/app/api/account/route");
  const request = new Request("http://app.test/api/account", { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
  return POST(request, { params: Promise.resolve({}) });
}

afterEach(() => {
  vi.unstubAllEnvs();
});

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe("sign-up switch", () => {
  it("answers 403 signup_disabled when sign-up is off, before reading the body", async () => {
    const response = await signUp("false");
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe("signup_disabled");
  });

  it("validates the body when sign-up is on", async () => {
    const response = await signUp("true");
    expect(response.status).toBe(422);
  });
});
