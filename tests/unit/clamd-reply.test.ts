import { describe, expect, it } from "vitest";
import { parseScanReply } from "@/lib/processing/clamd-client";

describe("parseScanReply", () => {
  it("reads OK as clean", () => {
    expect(parseScanReply("stream: OK")).toEqual({ verdict: "clean" });
  });

  it("reads FOUND as infected, with the signature's name", () => {
    expect(parseScanReply("stream: Slipway.Test.EICAR FOUND")).toEqual({ verdict: "infected", signature: "Slipway.Test.EICAR" });
    expect(parseScanReply("stream: Win.Test.EICAR_HDB-1 FOUND")).toEqual({ verdict: "infected", signature: "Win.Test.EICAR_HDB-1" });
  });

  it("reads an exceeded limit as too large to scan, never as clean or infected", () => {
    expect(parseScanReply("stream: Heuristics.Limits.Exceeded.MaxFileSize FOUND")).toEqual({ verdict: "unscannable", reason: "Heuristics.Limits.Exceeded.MaxFileSize" });
    expect(parseScanReply("stream: Heuristics.Limits.Exceeded.MaxScanTime FOUND")).toEqual({ verdict: "unscannable", reason: "Heuristics.Limits.Exceeded.MaxScanTime" });
    expect(parseScanReply("INSTREAM size limit exceeded. ERROR")).toEqual({ verdict: "too_large_to_scan", reason: "INSTREAM size limit exceeded" });
  });

  it("gives no verdict for an error or anything else", () => {
    for (const reply of ["stream: Can't allocate memory ERROR", "read timeout ERROR", "UNKNOWN COMMAND", "", "stream: FOUND", "stream: OK trailing", "PONG"]) {
      expect(parseScanReply(reply), reply).toBeNull();
    }
  });
});
