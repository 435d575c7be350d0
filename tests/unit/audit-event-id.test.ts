import { describe, expect, it } from "vitest";
import { auditEventId } from "@/lib/audit/audit-event-id";

describe("audit event ids", () => {
  it("are UUIDv7 that sort in creation order, also within one millisecond and past 4,096 of them", () => {
    const ms = Date.now() + 60_000; // ahead of any id made so far in this process
    const ids = Array.from({ length: 5000 }, () => auditEventId(ms));
    expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(parseInt(ids[0].replace(/-/g, "").slice(0, 12), 16)).toBe(ms);
  });

  it("never go back when the clock does", () => {
    const ms = Date.now() + 120_000;
    const later = auditEventId(ms);
    expect(auditEventId(ms - 5000) > later).toBe(true);
  });
});
