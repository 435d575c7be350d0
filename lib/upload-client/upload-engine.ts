import { isOpen } from "../uploads/upload-status";
import type { UploadApi } from "./upload-api";
import type { Md5 } from "./multipart-upload";
import type { Transport } from "./put-object";
import { sameFileShape, type ResumeStore } from "./resume-store";
import { Scheduler } from "./scheduler";
import { UploadTask, type TaskView } from "./upload-task";

export interface EngineOptions {
  api: UploadApi;
  transport: Transport;
  store: ResumeStore;
  /** When given, every part's MD5 is signed into its URL and S3 refuses corrupted bytes. */
  md5?: Md5;
  /** The server's MULTIPART_THRESHOLD_BYTES: with `md5`, files up to it are hashed whole and declare their MD5 too. */
  singlePutMaxBytes?: number;
  /** Requests in flight across all files (docs/performance.md says why 6). */
  concurrency?: number;
  now?: () => number;
}

export interface FileEntry {
  file: File;
  /** The folder it came from, when a folder was dropped. */
  folder?: string;
}

/**
 * The framework-free browser upload engine: a queue of files sharing one concurrency budget,
 * with pause, resume, cancel and resume-after-reload. UIs subscribe to `views()`.
 */
export class UploadEngine {
  private tasks: UploadTask[] = [];
  private listeners = new Set<() => void>();
  private cached: TaskView[] = [];
  private readonly deps;
  private readonly maxActiveFiles: number;

  constructor(options: EngineOptions) {
    const concurrency = options.concurrency ?? 6;
    this.maxActiveFiles = concurrency;
    this.deps = {
      api: options.api,
      transport: options.transport,
      store: options.store,
      md5: options.md5,
      singlePutMaxBytes: options.singlePutMaxBytes,
      concurrency,
      scheduler: new Scheduler(concurrency),
      now: options.now ?? (() => performance.now() + performance.timeOrigin),
    };
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A stable snapshot for rendering (a new array only after something changed). */
  views(): TaskView[] {
    return this.cached;
  }

  private restoring: Promise<void> = Promise.resolve();

  /** Lists uploads a previous page left unfinished, as "interrupted" until their file is dropped again. */
  restore(): Promise<void> {
    this.restoring = this.restoreRecords();
    return this.restoring;
  }

  private async restoreRecords(): Promise<void> {
    for (const record of await this.deps.store.list().catch(() => [])) {
      if (this.tasks.some((task) => task.record?.uploadId === record.uploadId)) continue;
      const upload = await this.deps.api.getUpload(record.uploadId).catch(() => null);
      if (!upload || !isOpen(upload)) {
        await this.deps.store.remove(record.uploadId).catch(() => undefined);
        continue;
      }
      this.tasks.push(new UploadTask({ record }, this.deps, () => this.changed()));
    }
    this.flush();
  }

  /** Queues files; a file matching an interrupted upload resumes it instead of starting over. */
  async add(entries: FileEntry[]): Promise<void> {
    await this.restoring; // a file dropped right after a reload must find its interrupted upload
    const added: UploadTask[] = [];
    for (const entry of entries) {
      const interrupted = await this.findInterrupted(entry);
      if (interrupted) interrupted.attach(entry.file);
      else added.push(new UploadTask(entry, this.deps, () => this.changed()));
    }
    this.tasks = [...added, ...this.tasks];
    this.flush();
  }

  pause(id: string): void {
    this.find(id)?.pause();
  }

  /** Resumes a paused task, or retries a failed one, keeping the parts already stored. */
  resume(id: string): void {
    const task = this.find(id);
    if (task && (task.state === "paused" || task.state === "failed") && task.file) task.requeue();
  }

  async cancel(id: string): Promise<void> {
    await this.find(id)?.cancel();
  }

  dismiss(id: string): void {
    this.tasks = this.tasks.filter((task) => task.id !== id || task.active || task.state === "queued");
    this.changed();
  }

  private find(id: string): UploadTask | undefined {
    return this.tasks.find((task) => task.id === id);
  }

  private async findInterrupted(entry: FileEntry): Promise<UploadTask | undefined> {
    for (const task of this.tasks) {
      const record = task.record;
      if (task.state !== "interrupted" || !record || !sameFileShape(record, entry.file, entry.folder)) continue;
      if (!record.firstPartMd5 || !this.deps.md5) return task;
      if ((await this.deps.md5(entry.file.slice(0, record.partSize))) === record.firstPartMd5) return task;
    }
    return undefined;
  }

  private flushTimer: ReturnType<typeof setTimeout> | undefined;

  // Progress events arrive many times a second per part: coalesce them into one update per 50 ms.
  private changed(): void {
    this.flushTimer ??= setTimeout(() => this.flush(), 50);
  }

  private flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.startQueued();
    this.cached = this.tasks.map((task) => task.view());
    for (const listener of this.listeners) listener();
  }

  // Files start in the order they were added (the list shows the newest drop first), a few at a time.
  private startQueued(): void {
    const free = this.maxActiveFiles - this.tasks.filter((task) => task.active).length;
    const queued = this.tasks.filter((task) => task.state === "queued").sort((a, b) => a.order - b.order);
    // Its state changes notify through changed(), which only schedules a flush.
    for (const task of queued.slice(0, Math.max(0, free))) void task.run();
  }
}
