import type { StoredPart, UploadApi } from "./api";
import { PartSigner } from "./part-signer";
import type { ProgressTracker } from "./progress-tracker";
import { StorageError, type Transport } from "./put-object";
import { isTransient, MAX_ATTEMPTS, retryDelay, sleep, type OnRetry } from "./retry-policy";
import type { Scheduler } from "./scheduler";

/** Base64 MD5 of a Blob (computed off the main thread in the browser). */
export type Md5 = (blob: Blob) => Promise<string>;

export interface MultipartDeps {
  api: UploadApi;
  transport: Transport;
  scheduler: Scheduler;
  md5?: Md5;
  /** Parts in flight at most (the scheduler's limit); also how far ahead parts are hashed and signed. */
  concurrency: number;
}

const MAX_RESIGNS = 3;

/**
 * Sends the missing parts of one multipart upload: parts in parallel within the engine-wide
 * scheduler, each read with Blob.slice (memory stays flat), hashed ahead, signed lazily in
 * batches, retried with backoff; an expired URL is signed again.
 */
export class MultipartUpload {
  private done = new Set<number>();
  private inflight = new Set<number>();
  private md5s = new Map<number, Promise<string>>();
  private knownMd5 = new Map<number, string>();
  private signer: PartSigner;

  constructor(
    private readonly file: Blob,
    readonly uploadId: string,
    readonly partSize: number,
    readonly partCount: number,
    private readonly deps: MultipartDeps,
  ) {
    this.signer = new PartSigner(deps.api, uploadId, () => this.readyAhead());
  }

  /** Takes the parts S3 already holds (after a reload) as done; returns their bytes. */
  adopt(stored: StoredPart[]): number {
    let bytes = 0;
    for (const part of stored) {
      if (part.number >= 1 && part.number <= this.partCount && part.size === this.slice(part.number).size) {
        this.done.add(part.number);
        bytes += part.size;
      }
    }
    return bytes;
  }

  /** Parts S3 reported missing on completion are sent again. */
  forget(numbers: number[]): void {
    for (const number of numbers) this.done.delete(number);
  }

  md5Of(number: number): Promise<string> {
    let pending = this.md5s.get(number);
    if (!pending) {
      pending = this.deps.md5!(this.slice(number)).then((md5) => (this.knownMd5.set(number, md5), md5));
      pending.catch(() => this.md5s.delete(number));
      this.md5s.set(number, pending);
    }
    return pending;
  }

  /** Sends every part not yet done; resolves when all are, rejects on abort or a lasting failure. */
  async run(progress: ProgressTracker, signal: AbortSignal, onChange: () => void, onRetry?: OnRetry): Promise<void> {
    const stop = new AbortController();
    const abort = () => stop.abort(signal.reason);
    signal.addEventListener("abort", abort, { once: true });
    const worker = async () => {
      for (;;) {
        await this.deps.scheduler.acquire(stop.signal);
        const number = this.nextPart();
        if (number === undefined) return this.deps.scheduler.release();
        this.inflight.add(number);
        try {
          await this.sendPart(number, progress, stop.signal, onChange, onRetry);
          this.done.add(number);
        } finally {
          this.inflight.delete(number);
          this.deps.scheduler.release();
          onChange();
        }
      }
    };
    try {
      // One worker per possible slot; the shared scheduler decides how many actually send.
      await Promise.all(Array.from({ length: this.deps.concurrency }, () => worker().catch((error) => (stop.abort(error), Promise.reject(error)))));
    } finally {
      signal.removeEventListener("abort", abort);
    }
  }

  private slice(number: number): Blob {
    const start = (number - 1) * this.partSize;
    return this.file.slice(start, Math.min(start + this.partSize, this.file.size));
  }

  private nextPart(): number | undefined {
    for (let number = 1; number <= this.partCount; number++) {
      if (!this.done.has(number) && !this.inflight.has(number)) return number;
    }
    return undefined;
  }

  /** The next parts not done or in flight, with their MD5 when hashing is on and it is known. */
  private readyAhead(): Array<{ number: number; md5?: string }> {
    const ready: Array<{ number: number; md5?: string }> = [];
    for (let number = 1; number <= this.partCount && ready.length < this.deps.concurrency * 2; number++) {
      if (this.done.has(number) || this.inflight.has(number)) continue;
      if (!this.deps.md5) ready.push({ number });
      else if (this.knownMd5.has(number)) ready.push({ number, md5: this.knownMd5.get(number) });
    }
    return ready;
  }

  private hashAhead(from: number): void {
    // Twice the parts in flight: enough hashed parts wait unsigned that signing goes in batches.
    for (let number = from + 1; number <= Math.min(this.partCount, from + this.deps.concurrency * 2); number++) {
      if (!this.done.has(number)) void this.md5Of(number).catch(() => undefined);
    }
  }

  private async sendPart(number: number, progress: ProgressTracker, signal: AbortSignal, onChange: () => void, onRetry?: OnRetry): Promise<void> {
    const body = this.slice(number);
    let resigns = 0;
    for (let attempt = 1; ; ) {
      const md5 = this.deps.md5 ? await this.md5Of(number) : undefined;
      if (this.deps.md5) this.hashAhead(number);
      const signed = await this.signer.get(number, md5, signal);
      try {
        const onProgress = (loaded: number) => (progress.partProgress(number, loaded), onChange());
        await this.deps.transport({ url: signed.url, headers: signed.headers, body, signal, onProgress });
        progress.partDone(number, body.size);
        return;
      } catch (error) {
        progress.partLost(number);
        if (signal.aborted) throw signal.reason ?? error;
        if (error instanceof StorageError && error.status === 403 && error.code === "AccessDenied" && resigns < MAX_RESIGNS) {
          resigns += 1; // the URL expired on the way (a long pause, a slow link): sign it again
          this.signer.invalidate(number);
          continue;
        }
        const corrupted = error instanceof StorageError && error.code === "BadDigest";
        if (corrupted) this.md5s.delete(number); // hash the bytes again before the next try
        if ((!corrupted && !isTransient(error)) || attempt >= MAX_ATTEMPTS) throw error;
        const delay = retryDelay(attempt, (error as StorageError).retryAfter);
        onRetry?.(error, delay);
        await sleep(delay, signal);
        attempt += 1;
      }
    }
  }
}
