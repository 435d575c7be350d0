import type { RecordStore, ResumeRecord, ResumeStore } from "./resume-store";

/** A guest's resume record: which request link it was for, and the key its upload answers to. */
export interface GuestResumeRecord extends ResumeRecord {
  scope: string;
  uploadKey: string;
}

/**
 * The resume store of one request link's page, over a store shared by every link: it lists only
 * this link's records, and saves and restores each upload's key with its record (without the key a
 * reload could not touch the upload again).
 */
export function guestResumeStore(scope: string, keys: Map<string, string>, shared: RecordStore<GuestResumeRecord>): ResumeStore {
  return {
    list: async () =>
      (await shared.list())
        .filter((record) => record.scope === scope)
        .map(({ scope: _scope, uploadKey, ...record }) => {
          keys.set(record.uploadId, uploadKey);
          return record;
        }),
    save: async (record) => {
      const uploadKey = keys.get(record.uploadId);
      if (uploadKey) await shared.save({ ...record, scope, uploadKey });
    },
    remove: (uploadId) => shared.remove(uploadId),
  };
}
