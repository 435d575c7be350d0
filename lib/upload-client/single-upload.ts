import type { SignedPut } from "./upload-api";
import type { Transport } from "./put-object";
import { classifyFailure, withRetries } from "./retry-policy";
import type { Scheduler } from "./scheduler";
import { putTracked, type TransferRun } from "./transfer";

/**
 * A file small enough for one PUT: the one-part case of a transfer, taking its request slot
 * from the same engine-wide scheduler as every multipart part.
 */
export class SingleUpload {
  constructor(
    private readonly file: Blob,
    /** The presigned PUT; it cannot be signed again, so a stale one means a new slot. */
    readonly ticket: SignedPut,
    private readonly deps: { transport: Transport; scheduler: Scheduler },
  ) {}

  /** S3 refused the bytes for the MD5 signed into the URL (the file changed since it was hashed): only a new slot can send it. */
  refused = false;

  async run(run: TransferRun): Promise<void> {
    await this.deps.scheduler.acquire(run.signal);
    try {
      const { url, headers } = this.ticket;
      await withRetries(() => putTracked(this.deps.transport, { url, headers, body: this.file }, 1, run), { signal: run.signal, onRetry: run.onRetry });
    } catch (error) {
      this.refused = classifyFailure(error) === "corrupted";
      throw error;
    } finally {
      this.deps.scheduler.release();
    }
  }
}
