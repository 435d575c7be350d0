import { guestUploadsApi, type GuestDetails } from "@/lib/api-client/guest-api";
import { guestResumeStore, type GuestResumeRecord } from "@/lib/upload-client/guest-resume-store";
import { indexedDbResumeStore } from "@/lib/upload-client/indexeddb-resume-store";
import type { UploadTarget } from "../../uploads/use-upload-engine";

export const requestQueryKey = (token: string) => ["upload-request", token];

/** Uploads into one request link: the guest API with per-upload keys, remembered per link for a reload. */
export function guestTarget(token: string, details: () => GuestDetails): UploadTarget {
  const keys = new Map<string, string>();
  return {
    api: guestUploadsApi(token, details, keys),
    store: guestResumeStore(token, keys, indexedDbResumeStore<GuestResumeRecord>("slipway-guest-uploads")),
    refresh: requestQueryKey(token),
  };
}
