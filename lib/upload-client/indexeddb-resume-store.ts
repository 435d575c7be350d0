import { createStore, del, set, values } from "idb-keyval";
import type { RecordStore, ResumeRecord } from "./resume-store";

/**
 * Unfinished uploads in IndexedDB (one entry per upload), so a reload can pick them up again.
 * The dashboard's and guests' records live in separate databases: neither page sees the other's.
 */
export function indexedDbResumeStore<R extends ResumeRecord = ResumeRecord>(database = "slipway-uploads"): RecordStore<R> {
  const store = createStore(database, "resume");
  return {
    list: () => values<R>(store),
    save: (record) => set(record.uploadId, record, store),
    remove: (uploadId) => del(uploadId, store),
  };
}
