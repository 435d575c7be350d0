import "server-only";
import { env } from "../env";

/**
 * The origin the browser talks to for objects: presigned PUTs of uploads and parts, and the
 * presigned GETs that downloads, thumbnails and previews redirect to (lib/storage/s3.ts builds
 * them path-style on the endpoint, or virtual-hosted on bucket.endpoint).
 */
function storageOrigin(): string {
  const endpoint = new URL(env.S3_ENDPOINT);
  if (env.S3_FORCE_PATH_STYLE) return endpoint.origin;
  return `${endpoint.protocol}//${env.S3_BUCKET}.${endpoint.host}`;
}

const https = new URL(env.APP_URL).protocol === "https:";
const dev = env.NODE_ENV === "development";

/**
 * The Content-Security-Policy of one answer. Scripts run only with this request's nonce (Next.js
 * puts it on its own scripts) or when loaded by such a script ('strict-dynamic'); no inline script
 * runs. 'wasm-unsafe-eval' lets the MD5 worker compile hash-wasm's WebAssembly (a worker obeys the
 * policy of its own response) and allows no JavaScript eval. Styles: the app's stylesheets and the
 * <style> Next.js nonces (no page uses style attributes); `next dev` injects unnonced styles and
 * needs eval.
 */
export function contentSecurityPolicy(nonce: string): string {
  const storage = storageOrigin();
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' 'wasm-unsafe-eval'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "worker-src 'self'",
    `connect-src 'self' ${storage}`,
    // QR codes are data: URLs; thumbnails and previews are presigned redirects to the store.
    `img-src 'self' data: blob: ${storage}`,
    `media-src 'self' ${storage}`,
    // The admin's PDF preview is an <object> of a presigned URL; nothing else embeds anything.
    `object-src ${storage}`,
    "font-src 'self'",
    "base-uri 'none'",
    // The share page's password form answers with a redirect to the store, which form-action governs too.
    `form-action 'self' ${storage}`,
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/**
 * Share pages (app/s/) are plain HTML with no script at all and an inline stylesheet: stricter
 * than the app's policy, nothing there needs a nonce. A form's redirect to the store is allowed
 * (form-action does not fall back to default-src).
 */
export const SHARE_PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";

/** Headers every answer carries, pages and API alike (proxy.ts sets them; they replace a route's own). */
export function securityHeaders(pathname: string, nonce: string): Record<string, string> {
  return {
    "Content-Security-Policy": pathname.startsWith("/s/") ? SHARE_PAGE_POLICY : contentSecurityPolicy(nonce),
    "X-Content-Type-Options": "nosniff",
    // No address leaves with a request: not a share link's token to the store, not a page's path
    // anywhere. (Same-origin fetches still send Origin, which the API's cross-origin check reads.)
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), browsing-topics=()",
    ...(https ? { "Strict-Transport-Security": "max-age=31536000" } : {}),
  };
}
