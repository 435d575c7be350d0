import { createStore, del, set, values } from "idb-keyval";
import type { ResumeRecord, ResumeStore } from "./resume-store";

/** Unfinished uploads in IndexedDB (one entry per upload), so a reload can pick them up again. */
export function indexedDbResumeStore(): ResumeStore {
  const store = createStore("slipway-uploads", "resume");
  return {
    list: () => values<ResumeRecord>(store),
    save: (record) => set(record.uploadId, record, store),
    remove: (uploadId) => del(uploadId, store),
  };
}
