import wabt from "wabt";
import { describe, expect, it } from "vitest";
import { chooseMd5, SIMD_PROBE, simdSupported } from "@/lib/upload-client/md5/choose-md5";

describe("choosing the MD5 worker's implementation", () => {
  it("takes multi-buffer SIMD where WebAssembly SIMD validates, else hash-wasm", () => {
    expect(chooseMd5(null, true)).toBe("simd");
    expect(chooseMd5(null, false)).toBe("hash-wasm");
    expect(chooseMd5("something else", true)).toBe("simd");
  });

  it("lets ?impl= force either", () => {
    expect(chooseMd5("hash-wasm", true)).toBe("hash-wasm");
    expect(chooseMd5("simd", false)).toBe("simd");
  });

  it("probes with a module that is valid with SIMD and invalid without it", async () => {
    expect(simdSupported()).toBe(true); // Node 24's V8, like Chromium's, has SIMD
    const tools = await wabt();
    expect(() => tools.readWasm(SIMD_PROBE, { simd: true }).validate()).not.toThrow();
    expect(() => tools.readWasm(SIMD_PROBE, { simd: false }).validate()).toThrow();
  });
});
