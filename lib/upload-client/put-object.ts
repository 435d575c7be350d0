/** S3 refused the PUT (its XML error code, e.g. SignatureDoesNotMatch, AccessDenied, BadDigest). */
export class StorageError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly retryAfter?: number,
  ) {
    super(`Storage refused the upload (${status} ${code}).`);
  }
}

/** The connection failed before S3 answered (offline, DNS, reset). */
export class NetworkError extends Error {}

export class AbortedError extends Error {}

export interface PutRequest {
  url: string;
  headers: Record<string, string>;
  body: Blob;
  signal?: AbortSignal;
  /** Bytes of `body` sent so far. */
  onProgress?: (loaded: number) => void;
}

/** How bytes reach S3: XHR in the browser, fetch in Node tests. Resolves with the ETag. */
export type Transport = (request: PutRequest) => Promise<string | null>;

/** PUTs a Blob with XMLHttpRequest, the one browser API that reports upload progress. */
export const xhrTransport: Transport = ({ url, headers, body, signal, onProgress }) =>
  new Promise((resolve, reject) => {
    // An XHR aborted before send() fires no event: settle here or the promise would hang.
    if (signal?.aborted) return reject(new AbortedError("Upload stopped."));
    const xhr = new XMLHttpRequest();
    xhr.open("PUT", url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => onProgress?.(event.loaded);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress?.(body.size);
        resolve(xhr.getResponseHeader("ETag"));
      } else {
        const code = /<Code>([^<]+)<\/Code>/.exec(xhr.responseText ?? "")?.[1] ?? "UnknownError";
        const retryAfter = Number(xhr.getResponseHeader("Retry-After")) || undefined;
        reject(new StorageError(xhr.status, code, retryAfter));
      }
    };
    xhr.onerror = () => reject(new NetworkError("The connection to storage was lost."));
    xhr.onabort = () => reject(new AbortedError("Upload stopped."));
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(body);
  });
