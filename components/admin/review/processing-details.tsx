import type { AdminUploadJson } from "@/lib/api-client/admin-api";
import { ProcessingStatus } from "../../processing/processing-status";
import { typeMismatchWarning } from "../../processing/processing-words";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** What processing found, as rows of the details list: the scan, the real type, the hash, the size in pixels, what went wrong. */
export function ProcessingDetails({ upload }: { upload: AdminUploadJson }) {
  const { processing } = upload;
  if (!processing) return null;
  const mismatch = typeMismatchWarning(upload);
  return (
    <>
      <div>
        <dt>Virus scan</dt>
        <dd>
          <ProcessingStatus processing={processing} />
          {processing.processedAt && (
            <span className="table__sub muted">
              <time dateTime={processing.processedAt}>{dateFormat.format(new Date(processing.processedAt))}</time>
            </span>
          )}
        </dd>
      </div>
      <div>
        <dt>Detected type</dt>
        <dd>
          {processing.detectedType ?? <span className="muted">not recognised from its bytes</span>}
          {mismatch && <strong className="table__sub warn-text">{mismatch}</strong>}
        </dd>
      </div>
      {processing.sha256 && (
        <div>
          <dt>SHA-256</dt>
          <dd>
            <code className="hash">{processing.sha256}</code>
          </dd>
        </div>
      )}
      {processing.width !== null && processing.height !== null && (
        <div>
          <dt>Dimensions</dt>
          <dd>
            {processing.width.toLocaleString()} × {processing.height.toLocaleString()} px
          </dd>
        </div>
      )}
      {processing.error && (
        <div>
          <dt>Processing problem</dt>
          <dd className="warn-text">{processing.error}</dd>
        </div>
      )}
    </>
  );
}
