import type { AdminUploadJson } from "@/lib/api-client/admin-api";
import { formatBytes } from "@/lib/format-bytes";
import { ProcessingDetails } from "./processing-details";
import { ReviewBadge } from "./review-badge";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** Everything the review page knows about a file, for deciding on it without opening it. */
export function UploadDetails({ upload }: { upload: AdminUploadJson }) {
  return (
    <dl className="details-list">
      <div>
        <dt>Owner</dt>
        <dd>
          {upload.owner.name} <span className="muted">{upload.owner.email}</span>
        </dd>
      </div>
      <div>
        <dt>Size</dt>
        <dd>
          {formatBytes(upload.size)} <span className="muted">({upload.size.toLocaleString()} bytes)</span>
        </dd>
      </div>
      <div>
        <dt>Type</dt>
        <dd>{upload.contentType}</dd>
      </div>
      <ProcessingDetails upload={upload} />
      {upload.folder && (
        <div>
          <dt>Folder</dt>
          <dd>{upload.folder}</dd>
        </div>
      )}
      <div>
        <dt>Uploaded</dt>
        <dd>
          <time dateTime={upload.createdAt}>{dateFormat.format(new Date(upload.createdAt))}</time>
        </dd>
      </div>
      <div>
        <dt>Review</dt>
        <dd>
          <ReviewBadge upload={upload} />
        </dd>
      </div>
    </dl>
  );
}
