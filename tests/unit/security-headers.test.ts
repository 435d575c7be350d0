import { afterEach, describe, expect, it, vi } from "vitest";

// The headers depend on the settings, which lib/env reads once at import: each case loads afresh.
async function headersWith(vars: Record<string, string>, pathname = "/uploads") {
  vi.resetModules();
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
  return (await import("@/lib/security/security-headers")).securityHeaders(pathname, "bm9uY2U=");
}

const directive = (policy: string, name: string) => policy.split("; ").find((part) => part.startsWith(`${name} `));

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("security headers", () => {
  it("over http: no HSTS, no upgrade; scripts by nonce only; the store's origin where the browser reaches it", async () => {
    const headers = await headersWith({ APP_URL: "http://127.0.0.1:3000", S3_ENDPOINT: "http://127.0.0.1:7480/", S3_FORCE_PATH_STYLE: "true", NODE_ENV: "production" });
    const csp = headers["Content-Security-Policy"];
    expect(headers["Strict-Transport-Security"]).toBeUndefined();
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(directive(csp, "script-src")).toBe("script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic' 'wasm-unsafe-eval'");
    expect(csp).not.toContain("unsafe-inline");
    for (const name of ["connect-src", "img-src", "media-src", "object-src", "form-action"]) expect(directive(csp, name), name).toContain("http://127.0.0.1:7480");
    expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(headers).toMatchObject({ "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer" });
  });

  it("over https: HSTS and upgraded requests; a virtual-hosted bucket is its own origin", async () => {
    const headers = await headersWith({
      APP_URL: "https://files.example.org",
      S3_ENDPOINT: "https://s3.eu-west-1.amazonaws.com",
      S3_FORCE_PATH_STYLE: "false",
      S3_BUCKET: "acme-files",
    });
    expect(headers["Strict-Transport-Security"]).toBe("max-age=31536000");
    expect(headers["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
    expect(directive(headers["Content-Security-Policy"], "connect-src")).toBe("connect-src 'self' https://acme-files.s3.eu-west-1.amazonaws.com");
  });

  it("share pages keep their stricter policy: no script at all", async () => {
    const headers = await headersWith({}, "/s/some-token");
    expect(headers["Content-Security-Policy"]).toBe("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'");
  });
});
