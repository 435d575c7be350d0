import { formatBytes } from "@/lib/format-bytes";
import { formatDuration } from "@/lib/format-duration";
import { html, type SafeHtml } from "@/lib/html";
import type { SharedFile } from "@/lib/links/describe-share-link";
import { shareDocument } from "./share-document";

interface Props {
  shared: SharedFile;
  downloadPath: string;
  /** Why the last attempt failed (a wrong password), shown above the button. */
  error?: string;
  now?: Date;
}

// "0 B" alone reads like a broken link; an empty file is still a file (a .gitkeep, a marker).
const sizeText = (size: number) => (size === 0 ? "0 B (an empty file)" : formatBytes(size));

/** A usable link: what the file is, who shared it, until when; the Download button (and password). */
export function sharedFilePage({ shared, downloadPath, error, now = new Date() }: Props): SafeHtml {
  const title = shared.file ? shared.file.name : "A file protected by a password";
  const left = formatDuration((shared.expiresAt.getTime() - now.getTime()) / 1000);
  const details = shared.file && html`<dt>Size</dt><dd>${sizeText(shared.file.size)}</dd><dt>Type</dt><dd>${shared.file.contentType}</dd>`;
  // The hash lets a recipient check that the bytes they got are the ones that were scanned and shared.
  const sha256 = shared.file?.sha256 && html`<dt>SHA-256</dt><dd><code class="hash">${shared.file.sha256}</code></dd>`;
  const sha256Hint = sha256 && html`<p class="muted">Check the file you get: <code>sha256sum</code> (or <code>shasum -a 256</code>) must print this SHA-256.</p>`;
  const downloadsLeft = shared.downloadsLeft !== null && html`<dt>Downloads left</dt><dd>${shared.downloadsLeft}</dd>`;
  const password =
    shared.passwordRequired &&
    html`<p class="muted">The person who shared this file protected it with a password; its name and size are shown to no one without it.</p>
<label>Password <input type="password" name="password" required autocomplete="off" autofocus${error ? html` aria-invalid="true" aria-describedby="form-error"` : ""}></label>`;
  const problem = error && html`<p id="form-error" class="error" role="alert">${error}</p>`;
  // POST, not a plain link: preview bots and prefetchers follow links, and every download counts.
  const body = html`<h1>${title}</h1>
<dl>${details}<dt>Shared by</dt><dd>${shared.sharedBy}</dd>
<dt>Expires</dt><dd>in ${left} (<time datetime="${shared.expiresAt.toISOString()}">${shared.expiresAt.toUTCString()}</time>)</dd>${downloadsLeft}${sha256}</dl>${sha256Hint}
<form method="post" action="${downloadPath}">${password}${problem}<button type="submit">Download</button></form>`;
  return shareDocument(title, body);
}
