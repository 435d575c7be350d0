// First, before anything that loads Next (tests/support/next-route.ts says why).
import { pathnameOf, serve } from "./next-route";
import { ApiError } from "@/lib/api-client/call";
import { isErrorCode } from "@/lib/error-codes";
import type { GuestTicket } from "@/lib/requests/request-json";
import type { UploadApi } from "@/lib/upload-client/upload-api";

// A guest on an upload request, through the real route handlers (Next's own route handling),
// without a session: the token in the address, the upload key in X-Upload-Key.

export const GUEST_ROUTES = {
  info: "app/api/r/[token]/route.ts",
  password: "app/api/r/[token]/password/route.ts",
  uploads: "app/api/r/[token]/uploads/route.ts",
  upload: "app/api/r/[token]/uploads/[id]/route.ts",
  parts: "app/api/r/[token]/uploads/[id]/parts/route.ts",
  complete: "app/api/r/[token]/uploads/[id]/complete/route.ts",
} as const;

export interface GuestCall {
  token: string;
  id?: string;
  key?: string;
  body?: unknown;
  ip?: string;
}

/** One guest request to `route`; the answer as Next gives it. */
export function guestCall(route: string, method: string, { token, id = "none", key, body, ip = "192.0.2.200" }: GuestCall): Promise<Response> {
  const url = pathnameOf(route).replace("[token]", encodeURIComponent(token)).replace("[id]", encodeURIComponent(id));
  const headers: Record<string, string> = { "x-forwarded-for": ip, ...(key ? { "x-upload-key": key } : {}), ...(body === undefined ? {} : { "content-type": "application/json" }) };
  return serve(route, { method, url, params: { token, id }, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

/** "201", or for an error its status and code: "404 not_found". */
export async function outcome(response: Response): Promise<string> {
  if (response.ok) return String(response.status);
  const body = await response.json().catch(() => null);
  return `${response.status} ${body?.error?.code ?? "?"}`;
}

async function answer<T>(response: Promise<Response>): Promise<T> {
  const got = await response;
  if (got.ok) return (got.status === 204 ? undefined : await got.json()) as T;
  const error = (await got.json().catch(() => null))?.error;
  throw new ApiError(got.status, isErrorCode(error?.code) ? error.code : "http_error", error?.message ?? `answered ${got.status}`, error?.details);
}

/** The upload engine's API for a guest on `token`; `extra` goes with every new upload (guestName, password…). */
export function guestApi(token: string, extra: Record<string, unknown> = {}, ip?: string) {
  const keys = new Map<string, string>();
  const call = (route: string, method: string, id: string, body?: unknown) => guestCall(route, method, { token, id, key: keys.get(id), body, ip });
  const api: UploadApi = {
    createUpload: async (input) => {
      const ticket = await answer<GuestTicket>(guestCall(GUEST_ROUTES.uploads, "POST", { token, body: { ...input, ...extra }, ip }));
      keys.set(ticket.upload.id, ticket.uploadKey);
      return ticket;
    },
    signParts: async (id, parts) => (await answer<{ parts: Awaited<ReturnType<UploadApi["signParts"]>> }>(call(GUEST_ROUTES.parts, "POST", id, { parts }))).parts,
    listParts: async (id) => (await answer<{ parts: Awaited<ReturnType<UploadApi["listParts"]>> }>(call(GUEST_ROUTES.parts, "GET", id))).parts,
    completeUpload: async (id) => (await answer<{ upload: Awaited<ReturnType<UploadApi["completeUpload"]>> }>(call(GUEST_ROUTES.complete, "POST", id))).upload,
    deleteUpload: (id) => answer<void>(call(GUEST_ROUTES.upload, "DELETE", id)),
    getUpload: async (id) => (await answer<{ upload: Awaited<ReturnType<UploadApi["getUpload"]>> }>(call(GUEST_ROUTES.upload, "GET", id))).upload,
  };
  return { api, keys };
}
