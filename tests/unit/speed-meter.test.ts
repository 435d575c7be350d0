import { describe, expect, it } from "vitest";
import { SpeedMeter } from "@/lib/upload-client/speed-meter";

describe("SpeedMeter", () => {
  it("measures bytes per second over its window", () => {
    const meter = new SpeedMeter(3000);
    meter.sample(0, 0);
    expect(meter.sample(1_000_000, 1000)).toBe(1_000_000);
    expect(meter.sample(3_000_000, 2000)).toBe(1_500_000);
    // Old samples leave the window: only the last 3 s count.
    expect(meter.sample(7_000_000, 5000)).toBeCloseTo((7_000_000 - 3_000_000) / 3, 0);
  });

  it("never goes backwards when progress is reported lower", () => {
    const meter = new SpeedMeter();
    meter.sample(500, 0);
    expect(meter.sample(100, 1000)).toBe(0);
  });
});
