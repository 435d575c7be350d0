import { describe, expect, it, vi } from "vitest";
import { env } from "@/lib/env";
import { json, userRoute } from "@/lib/http";

// Stands in for next-auth: everyone is signed in, so only the origin decides.
vi.mock("@/lib/auth", () => ({ requireUser: vi.fn(async () => ({ id: "u1", email: "pat@test.local", name: "Pat", role: "USER" })), requireAdmin: vi.fn() }));

const handler = userRoute(async ({ user, meta }) => json({ user: user.id, ip: meta.ip }));
const call = (method: string, headers: Record<string, string> = {}) =>
  handler(new Request("http://127.0.0.1:3000/api/uploads", { method, headers }), { params: Promise.resolve({}) });
const appOrigin = new URL(env.APP_URL).origin;

describe("userRoute and the request's Origin", () => {
  it("refuses a state-changing request from another origin, same site included", async () => {
    for (const origin of ["https://evil.example", "http://files.127.0.0.1.nip.io:3000", "null", `${appOrigin}.evil.example`]) {
      for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
        const response = await call(method, { origin });
        expect(response.status, `${method} from ${origin}`).toBe(403);
        expect((await response.json()).error.code).toBe("cross_origin");
      }
    }
  });

  it("lets the app's own pages, and callers that send no Origin, through", async () => {
    expect((await call("POST", { origin: appOrigin })).status).toBe(200);
    expect((await call("DELETE")).status).toBe(200);
  });

  it("does not judge reads by their Origin", async () => {
    expect((await call("GET", { origin: "https://evil.example" })).status).toBe(200);
    expect((await call("HEAD", { origin: "https://evil.example" })).status).toBe(200);
  });
});

describe("request meta", () => {
  it("records the address the nearest proxy appended, not one the client wrote", async () => {
    const response = await call("GET", { "x-forwarded-for": "6.6.6.6, 203.0.113.7", "x-real-ip": "6.6.6.6" });
    expect(await response.json()).toEqual({ user: "u1", ip: "203.0.113.7" });
  });
});
