import { ApiError } from "../api-client/call";
import type { UploadApi } from "./upload-api";
import { describeUploadError } from "./describe-error";
import { MultipartUpload, type MultipartDeps } from "./multipart-upload";
import { ProgressTracker } from "./progress-tracker";
import { AbortedError } from "./put-object";
import type { ResumeRecord, ResumeStore } from "./resume-store";
import { withRetries } from "./retry-policy";
import { SingleUpload } from "./single-upload";
import type { TransferRun } from "./transfer";

export type TaskState = "queued" | "preparing" | "uploading" | "paused" | "interrupted" | "verifying" | "done" | "failed" | "cancelled";

export interface TaskView {
  id: string;
  name: string;
  folder?: string;
  size: number;
  state: TaskState;
  sent: number;
  /** Bytes storage has acknowledged: what a failed file's bar shows. */
  confirmed: number;
  speed: number;
  eta: number | null;
  error?: string;
  /** A passing problem being retried ("The network connection was lost. Retrying in 4 s…"). */
  notice?: string;
  uploadId?: string;
}

export interface TaskDeps extends MultipartDeps {
  api: UploadApi;
  store: ResumeStore;
  now: () => number;
  /** The server's largest single PUT (MULTIPART_THRESHOLD_BYTES): a file up to it is hashed whole and its MD5 declared. */
  singlePutMaxBytes?: number;
}

const FRESH_FOR_MS = 60_000;
const MAX_COMPLETE_ROUNDS = 3;

let taskCount = 0;

/** One file's journey: slot, bytes, verification; pausable, resumable, cancellable at any point. */
export class UploadTask {
  /** When it was added: files start in this order. */
  readonly order = ++taskCount;
  // A counter, not crypto.randomUUID(): that exists only in secure contexts (not plain-HTTP hosts).
  readonly id = `task-${this.order}`;
  readonly name: string;
  readonly size: number;
  readonly folder?: string;
  /** Set for a task restored after a reload, until its upload is found again. */
  readonly record?: ResumeRecord;
  state: TaskState;
  error?: string;
  notice?: string;
  file?: File;
  private uploadId?: string;
  /** How the bytes go: one PUT or many parts, either way through the engine's one scheduler. */
  private transfer?: SingleUpload | MultipartUpload;
  private progress: ProgressTracker;
  private controller?: AbortController;

  constructor(
    init: { file: File; folder?: string } | { record: ResumeRecord },
    private readonly deps: TaskDeps,
    private readonly onChange: () => void,
  ) {
    if ("record" in init) {
      this.record = init.record;
      this.uploadId = init.record.uploadId;
      this.folder = init.record.folder;
      this.name = init.record.name;
      this.size = init.record.size;
      this.state = "interrupted";
    } else {
      this.file = init.file;
      this.folder = init.folder;
      this.name = init.file.name;
      this.size = init.file.size;
      this.state = "queued";
    }
    this.progress = new ProgressTracker(this.size);
  }

  view(): TaskView {
    const { sent, confirmed, speed, eta } = this.progress.snapshot(this.deps.now());
    const active = this.state === "uploading";
    return {
      id: this.id,
      name: this.name,
      folder: this.folder,
      size: this.size,
      state: this.state,
      sent,
      confirmed,
      speed: active ? speed : 0,
      eta: active ? eta : null,
      error: this.error,
      notice: this.active ? this.notice : undefined,
      uploadId: this.uploadId,
    };
  }

  get active(): boolean {
    return this.state === "preparing" || this.state === "uploading" || this.state === "verifying";
  }

  /** Gives an interrupted task (restored after a reload) its file back; it can then resume. */
  attach(file: File): void {
    this.file = file;
    this.state = "queued";
    this.error = undefined;
  }

  /** Runs until done, paused, cancelled or failed; never throws (failures become `error`). */
  async run(): Promise<void> {
    const controller = (this.controller = new AbortController());
    const { signal } = controller;
    try {
      // Only tasks with a file are queued: one restored after a reload waits for attach().
      if (!this.file) throw new Error("Drop the file again to upload it.");
      const uploadId = await this.send(this.file, signal);
      this.set("verifying");
      await this.complete(uploadId, signal);
      await this.deps.store.remove(uploadId).catch(() => undefined);
      this.set("done");
    } catch (error) {
      if (signal.aborted) return; // pause and cancel have set the state already
      this.error = describeUploadError(error);
      this.set("failed");
    }
  }

  pause(): void {
    if (!this.active) return;
    this.set("paused");
    this.controller?.abort(new AbortedError("paused"));
  }

  /** Paused, failed or re-attached: back in the queue, keeping every part already stored. */
  requeue(): void {
    this.error = undefined;
    this.set("queued");
  }

  async cancel(): Promise<void> {
    const wasDone = this.state === "done";
    this.set("cancelled");
    this.controller?.abort(new AbortedError("cancelled"));
    const uploadId = this.uploadId;
    if (uploadId && !wasDone) {
      await withRetries(() => this.deps.api.deleteUpload(uploadId)).catch(() => undefined);
      await this.deps.store.remove(uploadId).catch(() => undefined);
    }
  }

  private set(state: TaskState): void {
    this.state = state;
    this.onChange();
  }

  /** Progress clears a retry notice: the problem has passed. */
  private readonly progressed = () => {
    this.notice = undefined;
    this.onChange();
  };

  private readonly retrying = (error: unknown, delayMs: number) => {
    this.notice = `${describeUploadError(error, { retrying: true })} Retrying in ${Math.max(1, Math.round(delayMs / 1000))} s…`;
    this.onChange();
  };

  private transferRun(signal: AbortSignal): TransferRun {
    return { progress: this.progress, signal, onProgress: this.progressed, onRetry: this.retrying };
  }

  /**
   * Slot and bytes. A single PUT that S3 refused for its signed MD5 (the bytes changed on the way,
   * or the file since it was hashed) is sent once more through a new slot with a fresh hash, as a
   * refused part is hashed and sent again; a second refusal is the file's failure.
   */
  private async send(file: File, signal: AbortSignal): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      this.set("preparing");
      const { uploadId, transfer } = await this.prepare(file, signal);
      this.set("uploading");
      try {
        await transfer.run(this.transferRun(signal));
        return uploadId;
      } catch (error) {
        if (!(transfer instanceof SingleUpload && transfer.refused) || attempt >= 2) throw error;
      }
    }
  }

  /**
   * A file sent in one PUT has its MD5 signed into the URL, as every part of a bigger one does, so
   * S3 refuses bytes that changed on the way (BadDigest); known before the slot, so hashed first.
   */
  private async wholeFileMd5(file: File): Promise<string | undefined> {
    const { md5, singlePutMaxBytes } = this.deps;
    return md5 && singlePutMaxBytes !== undefined && file.size <= singlePutMaxBytes ? md5(file) : undefined;
  }

  /** The slot and transfer to send `file` with: the ones it has, found again, or new. */
  private async prepare(file: File, signal: AbortSignal): Promise<{ uploadId: string; transfer: SingleUpload | MultipartUpload }> {
    const single = this.transfer instanceof SingleUpload ? this.transfer : undefined;
    const staleId = single && (single.refused || Date.parse(single.ticket.expiresAt) - this.deps.now() < FRESH_FOR_MS) ? this.uploadId : undefined;
    if (staleId) {
      // A single PUT URL cannot be signed again (for new bytes either): give the slot back and take a new one.
      await withRetries(() => this.deps.api.deleteUpload(staleId), { signal }).catch(() => undefined);
      this.transfer = undefined;
      this.uploadId = undefined;
    }
    if (this.uploadId && this.record && !this.transfer) await this.adoptStoredParts(file, this.record, signal);
    if (this.uploadId && this.transfer) return { uploadId: this.uploadId, transfer: this.transfer };

    const input = { name: file.name, type: file.type, size: file.size, folder: this.folder, md5: await this.wholeFileMd5(file) };
    const ticket = await withRetries(() => this.deps.api.createUpload(input), { signal, onRetry: this.retrying });
    const uploadId = (this.uploadId = ticket.upload.id);
    if (ticket.strategy === "single") return { uploadId, transfer: (this.transfer = new SingleUpload(file, ticket, this.deps)) };
    const multipart = (this.transfer = new MultipartUpload(file, uploadId, ticket.partSize, ticket.partCount, this.deps));
    const firstPartMd5 = await multipart.md5Of(1);
    const record: ResumeRecord = {
      uploadId,
      name: file.name,
      folder: this.folder,
      type: file.type,
      size: file.size,
      lastModified: file.lastModified,
      partSize: ticket.partSize,
      partCount: ticket.partCount,
      firstPartMd5,
      savedAt: this.deps.now(),
    };
    await this.deps.store.save(record).catch(() => undefined); // resuming after a reload is a bonus, not a must
    return { uploadId, transfer: multipart };
  }

  /** After a reload: the parts S3 already has count as sent; a slot the server closed starts over. */
  private async adoptStoredParts(file: File, record: ResumeRecord, signal: AbortSignal): Promise<void> {
    const upload = new MultipartUpload(file, record.uploadId, record.partSize, record.partCount, this.deps);
    try {
      const stored = await withRetries(() => this.deps.api.listParts(record.uploadId), { signal, onRetry: this.retrying });
      this.progress.alreadyStored(upload.adopt(stored));
      this.transfer = upload;
    } catch (error) {
      if (!(error instanceof ApiError) || (error.status !== 404 && error.status !== 409)) throw error;
      await this.deps.store.remove(record.uploadId).catch(() => undefined);
      this.uploadId = undefined;
    }
  }

  /** Completes; parts the server reports missing (e.g. lost by storage) are sent again. */
  private async complete(uploadId: string, signal: AbortSignal): Promise<void> {
    for (let round = 1; ; round++) {
      try {
        await withRetries(() => this.deps.api.completeUpload(uploadId), { signal, onRetry: this.retrying });
        return;
      } catch (error) {
        const missing = error instanceof ApiError && error.code === "parts_missing" ? (error.details as { missing?: number[] })?.missing : undefined;
        if (!missing || !(this.transfer instanceof MultipartUpload) || round >= MAX_COMPLETE_ROUNDS) throw error;
        this.transfer.forget(missing);
        this.set("uploading");
        await this.transfer.run(this.transferRun(signal));
        this.set("verifying");
      }
    }
  }
}
