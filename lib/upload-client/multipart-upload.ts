import type { StoredPart, UploadApi } from "./upload-api";
import { PartSigner } from "./part-signer";
import type { Transport } from "./put-object";
import { withRetries } from "./retry-policy";
import type { Scheduler } from "./scheduler";
import { putTracked, type TransferRun } from "./transfer";

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

  /** The part's base64 MD5, hashed once (again after a BadDigest); undefined when hashing is off. */
  md5Of(number: number): Promise<string | undefined> {
    const hash = this.deps.md5;
    if (!hash) return Promise.resolve(undefined);
    let pending = this.md5s.get(number);
    if (!pending) {
      pending = hash(this.slice(number)).then((md5) => (this.knownMd5.set(number, md5), md5));
      pending.catch(() => this.md5s.delete(number));
      this.md5s.set(number, pending);
    }
    return pending;
  }

  /** Sends every part not yet done; resolves when all are, rejects on abort or a lasting failure. */
  async run(run: TransferRun): Promise<void> {
    const stop = new AbortController();
    const abort = () => stop.abort(run.signal.reason);
    run.signal.addEventListener("abort", abort, { once: true });
    // Parts share one abort: the first lasting failure stops the others.
    const parts = { ...run, signal: stop.signal };
    const worker = async () => {
      for (;;) {
        await this.deps.scheduler.acquire(stop.signal);
        const number = this.nextPart();
        if (number === undefined) return this.deps.scheduler.release();
        this.inflight.add(number);
        try {
          await this.sendPart(number, parts);
          this.done.add(number);
        } finally {
          this.inflight.delete(number);
          this.deps.scheduler.release();
          run.onProgress();
        }
      }
    };
    try {
      // One worker per possible slot; the shared scheduler decides how many actually send.
      await Promise.all(Array.from({ length: this.deps.concurrency }, () => worker().catch((error) => (stop.abort(error), Promise.reject(error)))));
    } finally {
      run.signal.removeEventListener("abort", abort);
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

  /** Hashes, signs and PUTs one part; an expired URL is signed again, corrupted bytes hashed again. */
  private sendPart(number: number, run: TransferRun): Promise<void> {
    const body = this.slice(number);
    const attempt = async () => {
      const md5 = await this.md5Of(number);
      if (md5) this.hashAhead(number);
      const { url, headers } = await this.signer.get(number, md5);
      await putTracked(this.deps.transport, { url, headers, body }, number, run);
    };
    const beforeRetry = (failure: "expired" | "corrupted") => {
      if (failure === "expired") this.signer.invalidate(number);
      else this.md5s.delete(number);
    };
    return withRetries(attempt, { signal: run.signal, onRetry: run.onRetry, beforeRetry });
  }
}
