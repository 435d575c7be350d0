import { describe, expect, it } from "vitest";
import { MAX_PARTS, MIN_PART_BYTES, partLength, planUpload } from "@/lib/uploads/plan-upload";

const MiB = 1024 ** 2;
const options = { threshold: 32 * MiB, partSize: 16 * MiB };

describe("planUpload", () => {
  it("sends small files in one PUT", () => {
    expect(planUpload(0, options)).toEqual({ strategy: "SINGLE" }); // an empty file (.gitkeep): S3 stores empty objects
    expect(planUpload(1, options)).toEqual({ strategy: "SINGLE" });
    expect(planUpload(32 * MiB, options)).toEqual({ strategy: "SINGLE" });
  });

  it("splits larger files into parts of the preferred size", () => {
    expect(planUpload(32 * MiB + 1, options)).toEqual({ strategy: "MULTIPART", partSize: 16 * MiB, partCount: 3 });
    expect(planUpload(1024 * MiB, options)).toEqual({ strategy: "MULTIPART", partSize: 16 * MiB, partCount: 64 });
  });

  it("grows parts so 5 TB (and 5 TiB) fit in 10,000 parts of whole MiB", () => {
    for (const size of [5e12, 5 * 1024 ** 4]) {
      const plan = planUpload(size, options);
      if (plan.strategy !== "MULTIPART") throw new Error("expected multipart");
      expect(plan.partCount).toBeLessThanOrEqual(MAX_PARTS);
      expect(plan.partSize % MiB).toBe(0);
      expect(plan.partSize * plan.partCount).toBeGreaterThanOrEqual(size);
      expect(partLength(size, plan.partSize, plan.partCount)).toBeGreaterThan(0);
    }
  });

  it("never plans parts under S3's 5 MiB minimum", () => {
    const plan = planUpload(100 * MiB, { threshold: 5 * MiB, partSize: 1 });
    expect(plan).toEqual({ strategy: "MULTIPART", partSize: MIN_PART_BYTES, partCount: 20 });
  });

  it("gives every part its length, the last one the remainder", () => {
    const size = 40 * MiB + 123;
    expect([1, 2, 3].map((n) => partLength(size, 16 * MiB, n))).toEqual([16 * MiB, 16 * MiB, 8 * MiB + 123]);
  });
});
