/** What survives a reload about an unfinished multipart upload, to find it again. */
export interface ResumeRecord {
  uploadId: string;
  name: string;
  folder?: string;
  type: string;
  size: number;
  lastModified: number;
  partSize: number;
  partCount: number;
  /** MD5 of the first part: tells the same file from another with the same name, size and date. */
  firstPartMd5?: string;
  savedAt: number;
}

export interface RecordStore<R extends ResumeRecord> {
  list(): Promise<R[]>;
  save(record: R): Promise<void>;
  remove(uploadId: string): Promise<void>;
}

export type ResumeStore = RecordStore<ResumeRecord>;

/**
 * For tests. Browsers without IndexedDB need no fallback: the engine treats a failing store as
 * no store, since resuming after a reload is a bonus.
 */
export function memoryResumeStore<R extends ResumeRecord = ResumeRecord>(): RecordStore<R> {
  const records = new Map<string, R>();
  return {
    list: async () => [...records.values()],
    save: async (record) => void records.set(record.uploadId, record),
    remove: async (uploadId) => void records.delete(uploadId),
  };
}

/** Whether a dropped file looks like the one a record was made for (before checking its MD5). */
export function sameFileShape(record: ResumeRecord, file: { name: string; size: number; lastModified: number }, folder?: string): boolean {
  return record.name === file.name && record.size === file.size && record.lastModified === file.lastModified && (record.folder ?? "") === (folder ?? "");
}
