import type { SignedPut } from "./upload-api";
import type { Transport } from "./put-object";
import { withRetries } from "./retry-policy";
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

  async run(run: TransferRun): Promise<void> {
    await this.deps.scheduler.acquire(run.signal);
    try {
      const { url, headers } = this.ticket;
      await withRetries(() => putTracked(this.deps.transport, { url, headers, body: this.file }, 1, run), { signal: run.signal, onRetry: run.onRetry });
    } finally {
      this.deps.scheduler.release();
    }
  }
}
