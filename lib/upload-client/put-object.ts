/** S3 refused the PUT (its XML error code, e.g. SignatureDoesNotMatch, AccessDenied, BadDigest). */
export class StorageError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`Storage refused the upload (${status} ${code}).`);
  }
}

/** The connection failed before S3 answered (offline, DNS, reset). */
export class NetworkError extends Error {}

export class AbortedError extends Error {}

export interface PutOptions {
  url: string;
  headers: Record<string, string>;
  body: Blob;
  signal?: AbortSignal;
  /** Bytes of `body` sent so far. */
  onProgress?: (loaded: number) => void;
}

/**
 * PUTs a Blob with XMLHttpRequest, the one browser API that reports upload progress.
 * Resolves with the ETag S3 answered (CORS must expose it).
 */
export function putObject({ url, headers, body, signal, onProgress }: PutOptions): Promise<string | null> {
  return new Promise((resolve, reject) => {
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
        reject(new StorageError(xhr.status, code));
      }
    };
    xhr.onerror = () => reject(new NetworkError("The connection to storage was lost."));
    xhr.onabort = () => reject(new AbortedError("Upload cancelled."));
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    if (signal?.aborted) return xhr.abort();
    xhr.send(body);
  });
}
