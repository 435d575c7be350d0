import { ApiError } from "../lib/api-client/call";
import { isErrorCode } from "../lib/error-codes";
import type { SignedPart, StoredPart, UploadApi, UploadTicket } from "../lib/upload-client/upload-api";
import type { Transport } from "../lib/upload-client/put-object";
import type { UploadJson } from "../lib/uploads/upload-json";
import { CookieJar } from "../tests/support/cookie-jar";
import { fetchTransport } from "../tests/support/node-transport";

// The upload engine's API over HTTP from Node, as a browser behind a load balancer would call it:
// every call goes to the next instance in turn. Every call and every part PUT is timed; a failed
// one counts as an error even when the engine retries it and the upload succeeds in the end.

export type CallKind =
  | "POST /api/uploads"
  | "POST /parts"
  | "GET /parts"
  | "POST /complete"
  | "GET /api/uploads/:id"
  | "DELETE /api/uploads/:id"
  | "PUT part (S3)"
  | "GET /s/:token/download"
  | "GET file (S3)";

export class Recorder {
  readonly samples = new Map<CallKind, number[]>();
  readonly errors: string[] = [];

  async time<T>(kind: CallKind, run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      const result = await run();
      this.samples.set(kind, [...(this.samples.get(kind) ?? []), performance.now() - started]);
      return result;
    } catch (error) {
      this.errors.push(`${kind}: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  }
}

/** Round robin over the instances, shared by every user of one load (as one balancer). */
export function roundRobin(urls: string[]): () => string {
  let next = 0;
  return () => urls[next++ % urls.length];
}

/** The API as `jar`'s user; answers other than 2xx throw the ApiError the browser client would. */
export function httpUploadApi(jar: CookieJar, pick: () => string, recorder: Recorder): UploadApi & { created: string[] } {
  const created: string[] = [];
  const call = <T>(kind: CallKind, path: string, method = "GET", body?: unknown) =>
    recorder.time(kind, async () => {
      const response = await jar.fetch(`${pick()}${path}`, {
        method,
        headers: body === undefined ? {} : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) {
        const error = (text ? JSON.parse(text) : {}).error ?? {};
        throw new ApiError(
          response.status,
          isErrorCode(error.code) ? error.code : "http_error",
          `${method} ${path} answered ${response.status}: ${text.slice(0, 200)}`,
          undefined,
          Number(response.headers.get("retry-after")) || undefined,
        );
      }
      return (text ? JSON.parse(text) : undefined) as T;
    });
  return {
    created,
    createUpload: async (input) => {
      const ticket = await call<UploadTicket>("POST /api/uploads", "/api/uploads", "POST", input);
      created.push(ticket.upload.id);
      return ticket;
    },
    signParts: async (id, parts) => (await call<{ parts: SignedPart[] }>("POST /parts", `/api/uploads/${id}/parts`, "POST", { parts })).parts,
    listParts: async (id) => (await call<{ parts: StoredPart[] }>("GET /parts", `/api/uploads/${id}/parts`)).parts,
    completeUpload: async (id) => (await call<{ upload: UploadJson }>("POST /complete", `/api/uploads/${id}/complete`, "POST")).upload,
    deleteUpload: (id) => call<void>("DELETE /api/uploads/:id", `/api/uploads/${id}`, "DELETE"),
    getUpload: async (id) => (await call<{ upload: UploadJson }>("GET /api/uploads/:id", `/api/uploads/${id}`)).upload,
  };
}

/** The Node transport, timed; `onStored` hears each part's bytes once S3 has them. */
export function timedTransport(recorder: Recorder, onStored: (bytes: number) => void): Transport {
  return (request) =>
    recorder.time("PUT part (S3)", async () => {
      const etag = await fetchTransport(request);
      onStored(request.body.size);
      return etag;
    });
}
