import { NetworkError, StorageError, type Transport } from "@/lib/upload-client/put-object";

/** The engine's transport for Node: fetch with the body as bytes (streams get aws-chunked framing). */
export const fetchTransport: Transport = async ({ url, headers, body, signal, onProgress }) => {
  const bytes = new Uint8Array(await body.arrayBuffer());
  let response: Response;
  try {
    response = await fetch(url, { method: "PUT", headers, body: bytes, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new NetworkError(String(error));
  }
  if (!response.ok) {
    const code = /<Code>([^<]+)<\/Code>/.exec(await response.text())?.[1] ?? "UnknownError";
    throw new StorageError(response.status, code);
  }
  onProgress?.(bytes.length);
  return response.headers.get("etag");
};

export const partNumberOf = (url: string) => Number(new URL(url).searchParams.get("partNumber"));
