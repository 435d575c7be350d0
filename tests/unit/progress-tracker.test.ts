import { describe, expect, it } from "vitest";
import { ProgressTracker } from "@/lib/upload-client/progress-tracker";

describe("ProgressTracker", () => {
  it("never moves back when a part fails and is sent again", () => {
    const progress = new ProgressTracker(300);
    progress.partProgress(1, 80);
    progress.partProgress(2, 60);
    expect(progress.snapshot(1000).sent).toBe(140);
    progress.partLost(2); // part 2 fails at 60 bytes and restarts from zero
    progress.partProgress(2, 10);
    expect(progress.snapshot(2000).sent).toBe(140);
    progress.partProgress(2, 100);
    progress.partDone(1, 100);
    expect(progress.snapshot(3000).sent).toBe(200);
  });

  it("counts resent bytes as speed, so the speed does not dip on a retry", () => {
    const progress = new ProgressTracker(1000);
    progress.snapshot(0);
    progress.partProgress(1, 100);
    expect(progress.snapshot(1000).speed).toBe(100);
    progress.partLost(1);
    progress.partProgress(1, 100); // the same 100 bytes again, one more second
    expect(progress.snapshot(2000).speed).toBe(100);
  });

  it("does not count parts stored before a reload as speed", () => {
    const progress = new ProgressTracker(1000);
    progress.snapshot(0);
    progress.alreadyStored(600);
    const snapshot = progress.snapshot(1000);
    expect(snapshot.sent).toBe(600);
    expect(snapshot.speed).toBe(0);
    expect(snapshot.eta).toBeNull();
  });

  it("estimates the time left from the speed, smoothed, and 0 at the end", () => {
    const progress = new ProgressTracker(1000);
    progress.snapshot(0);
    progress.partProgress(1, 100);
    expect(progress.snapshot(1000).eta).toBeCloseTo(9, 5);
    progress.partDone(1, 1000);
    expect(progress.snapshot(2000).eta).toBe(0);
  });

  it("reports an empty file as numbers, never NaN: nothing sent, nothing left, no speed", () => {
    const progress = new ProgressTracker(0);
    expect(progress.snapshot(0)).toEqual({ sent: 0, confirmed: 0, total: 0, speed: 0, eta: 0 });
    progress.partProgress(1, 0);
    progress.partDone(1, 0);
    expect(progress.snapshot(1000)).toEqual({ sent: 0, confirmed: 0, total: 0, speed: 0, eta: 0 });
  });

  it("keeps apart the bytes storage acknowledged from those only sent", () => {
    const progress = new ProgressTracker(300);
    progress.partDone(1, 100);
    progress.partProgress(2, 100); // all of part 2 sent, its answer not in yet
    expect(progress.snapshot(0)).toMatchObject({ sent: 200, confirmed: 100 });
    progress.partLost(2);
    expect(progress.snapshot(1000)).toMatchObject({ sent: 200, confirmed: 100 });
  });
});
