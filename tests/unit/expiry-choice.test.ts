import { describe, expect, it } from "vitest";
import { EXPIRY_PRESETS, expirySeconds, toDateTimeLocal } from "@/lib/links/expiry-choice";

const now = new Date(2026, 10, 21, 12, 0, 0); // local time, like a datetime-local input

describe("expirySeconds", () => {
  it("takes the presets as they are", () => {
    expect(EXPIRY_PRESETS.filter((p) => p.value !== "custom").map((p) => expirySeconds(p.value, "", now))).toEqual(
      [600, 3600, 86400, 604800].map((seconds) => ({ ok: true, seconds })),
    );
  });

  it("reads a custom date and time as local time", () => {
    expect(expirySeconds("custom", "2026-11-22T12:00", now)).toEqual({ ok: true, seconds: 86400 });
    expect(toDateTimeLocal(new Date(now.getTime() + 90 * 60_000))).toBe("2026-11-21T13:30");
  });

  it("refuses empty, past, too-soon and beyond-30-days times in words", () => {
    expect(expirySeconds("custom", "", now)).toMatchObject({ ok: false, message: expect.stringContaining("Choose the date") });
    expect(expirySeconds("custom", "not a date", now).ok).toBe(false);
    expect(expirySeconds("custom", "2026-11-20T12:00", now)).toMatchObject({ ok: false, message: expect.stringContaining("at least a minute") });
    expect(expirySeconds("custom", "2026-12-22T12:00", now)).toMatchObject({ ok: false, message: "A link can last at most 30 days." });
    expect(expirySeconds("custom", "2026-12-21T11:59", now).ok).toBe(true);
  });
});
