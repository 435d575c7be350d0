import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/client-ip";

describe("clientIp", () => {
  it("takes the right-most entry: the one server.ts wrote (it replaces the header with it), never an entry to its left", () => {
    expect(clientIp("6.6.6.6, 203.0.113.7")).toBe("203.0.113.7");
    expect(clientIp(" 203.0.113.7 ")).toBe("203.0.113.7");
    expect(clientIp("spoofed,2001:db8::1")).toBe("2001:db8::1");
  });

  it("is null without a usable header", () => {
    expect(clientIp(null)).toBeNull();
    expect(clientIp(undefined)).toBeNull();
    expect(clientIp("")).toBeNull();
    expect(clientIp("1.2.3.4, ")).toBeNull();
  });
});
