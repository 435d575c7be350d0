import type { UploadSample } from "./report";
import { median } from "./stats";

/** Median speed over the runs. */
export const speed = (samples: UploadSample[]) => median(samples.map((sample) => sample.mibPerSecond));

/**
 * Median over runs of the speed ratio a/b within each run: uploads of one run follow each
 * other closely, so whatever else loads the machine at the time weighs on both alike.
 */
export const ratio = (a: UploadSample[], b: UploadSample[]) => median(a.map((sample, i) => sample.mibPerSecond / b[i].mibPerSecond));

/** The run whose speed is the median (the lower middle one for an even count). */
export function medianSample(samples: UploadSample[]): UploadSample {
  const sorted = [...samples].sort((a, b) => a.mibPerSecond - b.mibPerSecond);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}
