/**
 * Bytes per second over a sliding window of recent samples: steady enough to read, quick to
 * follow a real change. Progress values only move forward.
 */
export class SpeedMeter {
  private samples: { at: number; loaded: number }[] = [];

  constructor(private readonly windowMs = 3000) {}

  /** Records progress at time `at` (ms) and returns the current speed in bytes/s. */
  sample(loaded: number, at: number): number {
    const last = this.samples[this.samples.length - 1];
    if (last && loaded < last.loaded) loaded = last.loaded;
    this.samples.push({ at, loaded });
    while (this.samples.length > 2 && at - this.samples[0].at > this.windowMs) this.samples.shift();
    const first = this.samples[0];
    const elapsed = (at - first.at) / 1000;
    return elapsed > 0 ? (loaded - first.loaded) / elapsed : 0;
  }
}
