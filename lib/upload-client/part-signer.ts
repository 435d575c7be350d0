import type { SignedPart, UploadApi } from "./upload-api";

const MAX_BATCH = 100; // the API's limit per call
const FRESH_FOR_MS = 60_000; // a URL closer than this to expiry is signed again before use

/**
 * Signs parts lazily, in batches: the parts asked for within one tick, plus whatever the
 * caller says is ready next (hashed, when MD5s are sent), share one POST /parts call.
 */
export class PartSigner {
  private signed = new Map<number, SignedPart>();
  private queue = new Map<number, { md5?: string; waiters: Array<{ resolve: (part: SignedPart) => void; reject: (error: unknown) => void }> }>();
  private signing = new Map<number, { md5?: string; done: Promise<unknown> }>();
  private flushScheduled = false;

  constructor(
    private readonly api: UploadApi,
    private readonly uploadId: string,
    /** Parts worth signing along with a request: the next ones, with their MD5 when known. */
    private readonly readyAhead: () => Array<{ number: number; md5?: string }>,
    private readonly now: () => number = Date.now,
  ) {}

  /** A valid URL for `number` signed with `md5`; reuses a fresh one signed for the same MD5. */
  async get(number: number, md5: string | undefined): Promise<SignedPart> {
    // Signed ahead in a batch still on its way: wait for it rather than ask twice.
    const inFlight = this.signing.get(number);
    if (inFlight && inFlight.md5 === md5) await inFlight.done.catch(() => undefined);
    const cached = this.signed.get(number);
    if (cached && cached.headers["Content-MD5"] === md5 && Date.parse(cached.expiresAt) - this.now() > FRESH_FOR_MS) return cached;
    this.signed.delete(number);
    return new Promise((resolve, reject) => {
      const entry = this.queue.get(number) ?? { md5, waiters: [] };
      entry.md5 = md5;
      entry.waiters.push({ resolve, reject });
      this.queue.set(number, entry);
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setTimeout(() => void this.flush(), 0);
      }
    });
  }

  /** Forgets a URL S3 refused as expired, so the next `get` signs it again. */
  invalidate(number: number): void {
    this.signed.delete(number);
  }

  // A failed call fails every part of its batch; each part's own retry loop decides what next.
  private async flush(): Promise<void> {
    this.flushScheduled = false;
    const batch = new Map([...this.queue].slice(0, MAX_BATCH));
    for (const number of batch.keys()) this.queue.delete(number);
    if (this.queue.size) {
      this.flushScheduled = true;
      setTimeout(() => void this.flush(), 0);
    }
    const request: Array<{ number: number; md5?: string }> = [...batch].map(([number, entry]) => ({ number, md5: entry.md5 }));
    for (const extra of this.readyAhead()) {
      if (request.length >= MAX_BATCH) break;
      const known = batch.has(extra.number) || this.signed.has(extra.number) || this.queue.has(extra.number) || this.signing.has(extra.number);
      if (!known) request.push(extra);
    }
    const call = this.api.signParts(this.uploadId, request);
    const entries = request.map((part) => [part.number, { md5: part.md5, done: call }] as const);
    for (const [number, entry] of entries) this.signing.set(number, entry);
    try {
      const parts = await call;
      for (const part of parts) this.signed.set(part.number, part);
      for (const [number, entry] of batch) {
        const part = this.signed.get(number);
        for (const waiter of entry.waiters) {
          if (part) waiter.resolve(part);
          else waiter.reject(new Error(`The server did not sign part ${number}.`));
        }
      }
    } catch (error) {
      for (const entry of batch.values()) entry.waiters.forEach((waiter) => waiter.reject(error));
    } finally {
      for (const [number, entry] of entries) if (this.signing.get(number) === entry) this.signing.delete(number);
    }
  }
}
