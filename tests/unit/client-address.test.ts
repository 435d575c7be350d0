import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustedHops } from "@/server/client-address";

describe("clientAddress (server.ts)", () => {
  it("without trusted proxies is the socket's peer, whatever the client wrote", () => {
    expect(clientAddress("198.51.100.4", "6.6.6.6", 0)).toBe("198.51.100.4");
    expect(clientAddress("198.51.100.4", ["6.6.6.6", "7.7.7.7"], 0)).toBe("198.51.100.4");
    expect(clientAddress("198.51.100.4", undefined, 0)).toBe("198.51.100.4");
  });

  it("with n trusted hops is the entry n hops from the right of the header plus the peer", () => {
    // One proxy (at 10.0.0.2) appended the address it saw; the client forged the rest.
    expect(clientAddress("10.0.0.2", "6.6.6.6, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientAddress("10.0.0.2", "203.0.113.7", 1)).toBe("203.0.113.7");
    // Two proxies: the outer one's entry, then the inner one's.
    expect(clientAddress("10.0.0.3", "6.6.6.6, 203.0.113.7, 10.0.0.2", 2)).toBe("203.0.113.7");
    expect(clientAddress("10.0.0.2", ["6.6.6.6", "203.0.113.7"], 1)).toBe("203.0.113.7");
  });

  it("never believes more entries than there are proxies, and a short chain gives its left-most entry", () => {
    expect(clientAddress("10.0.0.2", "6.6.6.6, 7.7.7.7, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientAddress("10.0.0.2", undefined, 1)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", " , ", 1)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.3", "203.0.113.7", 3)).toBe("203.0.113.7");
  });

  it("spells an IPv4 client of a dual-stack socket one way", () => {
    expect(clientAddress("::ffff:198.51.100.4", undefined, 0)).toBe("198.51.100.4");
    expect(clientAddress("::1", undefined, 0)).toBe("::1");
    expect(clientAddress("10.0.0.2", "::ffff:203.0.113.7", 1)).toBe("203.0.113.7");
  });
});

describe("parseTrustedHops (TRUST_PROXY)", () => {
  it("is 0 unset and takes whole numbers up to 10", () => {
    expect(parseTrustedHops(undefined)).toBe(0);
    expect(parseTrustedHops("")).toBe(0);
    expect(parseTrustedHops("1")).toBe(1);
    expect(parseTrustedHops("10")).toBe(10);
  });

  it("refuses anything else, naming the setting", () => {
    for (const value of ["-1", "1.5", "true", "11", " 1", "0x1", "1e1"]) expect(() => parseTrustedHops(value), value).toThrow(/TRUST_PROXY/);
  });
});
