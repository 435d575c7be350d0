import "server-only";
import { S3Client } from "@aws-sdk/client-s3";
import { S3RequestPresigner } from "@aws-sdk/s3-request-presigner";
import { HttpRequest } from "@smithy/protocol-http";
import { env } from "../env";
import { encryptionHeaders } from "./sse";

// One client for the whole process: building a client resolves endpoints and credentials,
// which costs milliseconds. WHEN_REQUIRED stops the SDK from adding CRC32 checksums that
// presigned URLs would then demand (real S3 rejects them; radosgw 16 does not know them).
// Without timeouts a hung S3 would hang every request that touches it; with them the call
// fails and answers 503 (throwOnRequestTimeout: otherwise the SDK only logs a warning).
export const s3 = new S3Client({
  endpoint: env.S3_ENDPOINT,
  region: env.S3_REGION,
  forcePathStyle: env.S3_FORCE_PATH_STYLE,
  credentials: { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY },
  requestChecksumCalculation: "WHEN_REQUIRED",
  responseChecksumValidation: "WHEN_REQUIRED",
  requestHandler: { connectionTimeout: 3000, requestTimeout: 30_000, throwOnRequestTimeout: true },
});

export const bucket = env.S3_BUCKET;

// Signing a prebuilt request skips the command middleware stack that getSignedUrl runs
// (~0.6 ms per URL versus ~0.1 ms), which matters when signing batches of parts.
const presigner = new S3RequestPresigner({ ...s3.config, service: "s3" });
const endpoint = new URL(env.S3_ENDPOINT);

export interface PresignPutInput {
  key: string;
  contentLength: number;
  contentType?: string;
  /** Base64 MD5 of the body: S3 then refuses corrupted bytes with BadDigest. */
  contentMd5?: string;
  expiresInSeconds: number;
  /** For a multipart part: the S3 UploadId and the 1-based part number. */
  part?: { uploadId: string; number: number };
}

export interface SignedRequest {
  url: string;
  /** Exactly the headers the browser must send with the PUT. */
  headers: Record<string, string>;
  expiresAt: Date;
}

/** The x-amz-* headers a presigned PUT may carry; each is signed and stays a header. */
const SIGNED_AMZ_HEADERS = ["x-amz-acl", "x-amz-server-side-encryption", "x-amz-server-side-encryption-aws-kms-key-id"];

/** RFC 3986 escaping as SigV4 wants it (encodeURIComponent leaves !'()* alone). */
function escapeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** An unsigned request for one object of the bucket (path- or virtual-hosted style, as configured). */
function objectRequest(method: "GET" | "PUT", key: string, query: Record<string, string>, headers: Record<string, string>): HttpRequest {
  const escapedKey = key.split("/").map(escapeSegment).join("/");
  const [hostname, path] = env.S3_FORCE_PATH_STYLE
    ? [endpoint.hostname, `${endpoint.pathname.replace(/\/$/, "")}/${bucket}/${escapedKey}`]
    : [`${bucket}.${endpoint.hostname}`, `/${escapedKey}`];
  const port = endpoint.port ? Number(endpoint.port) : undefined;
  return new HttpRequest({ method, protocol: endpoint.protocol, hostname, port, path, query, headers });
}

/**
 * A presigned PUT whose Content-Length (and Content-Type / Content-MD5 when given) are signed.
 * An object PUT also signs `x-amz-acl: private`, so whoever holds the URL cannot store the
 * object with a public ACL, and the configured server-side encryption headers (S3_SSE), so it
 * cannot store it unencrypted either. Parts carry neither: the object gets the ACL and the
 * encryption of the server's CreateMultipartUpload.
 */
export async function presignPut(input: PresignPutInput): Promise<SignedRequest> {
  const browserHeaders: Record<string, string> = {};
  if (input.contentType) browserHeaders["Content-Type"] = input.contentType;
  if (input.contentMd5) browserHeaders["Content-MD5"] = input.contentMd5;
  if (!input.part) Object.assign(browserHeaders, { "x-amz-acl": "private" }, encryptionHeaders());

  const query: Record<string, string> = input.part ? { partNumber: String(input.part.number), uploadId: input.part.uploadId } : {};
  const request = objectRequest("PUT", input.key, query, { ...browserHeaders, "Content-Length": String(input.contentLength) });
  const signed = await sign(request, input.expiresInSeconds, {
    signableHeaders: new Set(["content-type", "content-length", "content-md5", ...SIGNED_AMZ_HEADERS]),
    // x-amz-* headers are hoisted into the query by default; as headers, the browser must send them
    // (and AWS takes the encryption headers only as headers).
    unhoistableHeaders: new Set(SIGNED_AMZ_HEADERS),
  });
  return { ...signed, headers: browserHeaders };
}

/** Signs `request` for `expiresInSeconds` and renders it as a URL. */
async function sign(request: HttpRequest, expiresInSeconds: number, options: { signableHeaders?: Set<string>; unhoistableHeaders?: Set<string> } = {}) {
  const signedAt = new Date();
  const signed = await presigner.presign(request, { expiresIn: expiresInSeconds, signingDate: signedAt, ...options });
  const query = Object.entries(signed.query ?? {})
    .map(([name, value]) => `${escapeSegment(name)}=${escapeSegment(String(value))}`)
    .join("&");
  const port = signed.port ? `:${signed.port}` : "";
  return { url: `${signed.protocol}//${signed.hostname}${port}${signed.path}?${query}`, expiresAt: new Date(signedAt.getTime() + expiresInSeconds * 1000) };
}

/** RFC 6266 header: an ASCII fallback name, and the exact name as UTF-8 in filename*. */
function contentDisposition(disposition: "attachment" | "inline", name: string): string {
  const fallback =
    name
      .normalize("NFKD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\]/g, "_")
      .trim() || "download";
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${escapeSegment(name)}`;
}

/**
 * A presigned GET that makes S3 answer with the given Content-Type and a Content-Disposition
 * naming the file (any Unicode): attachment unless `inline` is asked for; both are part of the signature.
 */
export async function presignGet(input: { key: string; fileName: string; contentType: string; expiresInSeconds: number; disposition?: "attachment" | "inline" }) {
  const query = { "response-content-disposition": contentDisposition(input.disposition ?? "attachment", input.fileName), "response-content-type": input.contentType };
  return sign(objectRequest("GET", input.key, query, {}), input.expiresInSeconds);
}
