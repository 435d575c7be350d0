import type { GuestTicket, PublicRequestJson } from "../requests/request-json";
import type { SignedPart, StoredPart, UploadApi, UploadTicket } from "../upload-client/upload-api";
import type { UploadJson } from "../uploads/upload-json";
import { ApiError, call, post } from "./call";

/** What the guest typed: sent with every new upload, as the request asks. */
export interface GuestDetails {
  guestName?: string;
  guestEmail?: string;
  password?: string;
}

const base = (token: string) => `/api/r/${encodeURIComponent(token)}`;

export const requestPageApi = {
  describe: async (token: string) => (await call<{ request: PublicRequestJson }>(base(token))).request,
  checkPassword: (token: string, password: string) => post<void>(`${base(token)}/password`, { password }),
};

/**
 * The upload engine's API over one request link. Each upload answers with its own key, and every
 * later call on that upload must carry it: `keys` holds them by upload id (the guest resume store
 * saves them too, so a reload can go on).
 */
export function guestUploadsApi(token: string, details: () => GuestDetails, keys: Map<string, string>): UploadApi {
  const withKey = <T>(id: string, path: string, init: RequestInit = {}): Promise<T> => {
    const key = keys.get(id);
    // An upload this browser has no key for is not the guest's to touch: as the server would say.
    if (!key) return Promise.reject(new ApiError(404, "not_found", "Upload not found."));
    return call<T>(`${base(token)}/uploads/${encodeURIComponent(id)}${path}`, { ...init, headers: { "X-Upload-Key": key } });
  };
  const postWithKey = <T>(id: string, path: string, body?: unknown) => withKey<T>(id, path, { method: "POST", body: body === undefined ? undefined : JSON.stringify(body) });
  return {
    createUpload: async (input) => {
      const { uploadKey, ...ticket } = await post<GuestTicket>(`${base(token)}/uploads`, { ...input, ...details() });
      keys.set(ticket.upload.id, uploadKey);
      return ticket as UploadTicket;
    },
    signParts: async (id, parts) => (await postWithKey<{ parts: SignedPart[] }>(id, "/parts", { parts })).parts,
    listParts: async (id) => (await withKey<{ parts: StoredPart[] }>(id, "/parts")).parts,
    completeUpload: async (id) => (await postWithKey<{ upload: UploadJson }>(id, "/complete")).upload,
    deleteUpload: (id) => withKey<void>(id, "", { method: "DELETE" }),
    getUpload: async (id) => (await withKey<{ upload: UploadJson }>(id, "")).upload,
  };
}
