/**
 * A first-come, first-served limit on requests to storage in flight (single PUTs and parts
 * alike), shared by every file of an engine: concurrency is a property of the connection, not
 * of one file.
 */
export class Scheduler {
  private active = 0;
  private waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  /** Waits for a free slot; rejects if `signal` aborts while waiting. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.active < this.limit) {
      this.active += 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener("abort", cancel);
        this.active += 1;
        resolve();
      };
      const cancel = () => {
        this.waiting = this.waiting.filter((entry) => entry !== grant);
        reject(signal?.reason);
      };
      this.waiting.push(grant);
      signal?.addEventListener("abort", cancel, { once: true });
    });
  }

  release(): void {
    this.active -= 1;
    this.waiting.shift()?.();
  }
}
