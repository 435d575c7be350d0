import { SpeedMeter } from "./speed-meter";

export interface ProgressSnapshot {
  /** Bytes shown as done: never decreases, even when a part is sent again. */
  sent: number;
  /** Bytes storage has acknowledged (whole parts, or the whole file): what a failure keeps. */
  confirmed: number;
  total: number;
  /** Bytes per second actually going over the wire. */
  speed: number;
  /** Seconds left at the current speed, or null while unknown. */
  eta: number | null;
}

/**
 * Progress of one file sent in parts. A retried part restarts from zero on the wire, but what
 * is shown holds its high-water mark, so the bar never moves back; speed counts every byte
 * sent, so it does not dip or jump when a part is retried.
 */
export class ProgressTracker {
  private confirmed = 0;
  private inflight = new Map<number, number>();
  private shown = 0;
  private wire = 0;
  private meter = new SpeedMeter();
  private smoothedEta: number | null = null;

  constructor(readonly total: number) {}

  /** A part (or the whole file, as part 1) has sent `loaded` bytes of its current attempt. */
  partProgress(number: number, loaded: number): void {
    const before = this.inflight.get(number) ?? 0;
    if (loaded > before) this.wire += loaded - before;
    this.inflight.set(number, Math.max(before, loaded));
  }

  partDone(number: number, size: number): void {
    this.inflight.delete(number);
    this.confirmed += size;
  }

  /** The part's current attempt is lost (error, pause); its bytes will be sent again. */
  partLost(number: number): void {
    this.inflight.delete(number);
  }

  /** Bytes already stored before this session (a resumed upload); not counted as speed. */
  alreadyStored(bytes: number): void {
    this.confirmed += bytes;
  }

  snapshot(now: number): ProgressSnapshot {
    let actual = this.confirmed;
    for (const loaded of this.inflight.values()) actual += loaded;
    this.shown = Math.min(this.total, Math.max(this.shown, actual));
    const speed = this.meter.sample(this.wire, now);
    const eta = speed > 0 ? (this.total - this.shown) / speed : null;
    // Smooth the estimate so one slow sample does not make it jump.
    this.smoothedEta = eta === null || this.smoothedEta === null ? eta : this.smoothedEta * 0.7 + eta * 0.3;
    return { sent: this.shown, confirmed: Math.min(this.total, this.confirmed), total: this.total, speed, eta: this.shown >= this.total ? 0 : this.smoothedEta };
  }
}
