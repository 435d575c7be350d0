"use client";

import type { UploadRequestJson } from "@/lib/requests/request-json";
import { formatBytes } from "@/lib/format-bytes";
import { formatDuration } from "@/lib/format-duration";
import { describeTypes } from "../type-choices";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const files = (count: number) => `${count.toLocaleString("en")} ${count === 1 ? "file" : "files"}`;

/** The limits a request was made with, in one line. */
function limitsLine(request: UploadRequestJson): string {
  const parts = [
    request.maxFiles === null ? "any number of files" : `at most ${files(request.maxFiles)}`,
    request.maxFileBytes !== null && `${formatBytes(request.maxFileBytes)} each`,
    request.maxTotalBytes !== null && `${formatBytes(request.maxTotalBytes)} in total`,
    describeTypes(request.allowedTypes),
    request.hasPassword && "password",
    request.askName && "asks the name",
    request.askEmail && "asks the e-mail",
  ];
  return parts.filter(Boolean).join(" · ");
}

interface Props {
  request: UploadRequestJson;
  now: Date;
  revoking: boolean;
  onRevoke: () => void;
}

/** One request: status, what it received and what is arriving, until when, its limits, and Revoke while active. */
export function RequestCard({ request, now, revoking, onRevoke }: Props) {
  // The list is fetched now and then; between fetches the clock can expire a request.
  const status = request.status === "active" && new Date(request.expiresAt) <= now ? "expired" : request.status;
  const left = (new Date(request.expiresAt).getTime() - now.getTime()) / 1000;
  return (
    <li className="card request-card" data-request-id={request.id}>
      <div className="request-card__head">
        <h3 className="request-card__label">{request.label}</h3>
        <span className={`badge badge--link-${status}`}>{status}</span>
      </div>
      <dl className="details-list">
        <div>
          <dt>Received</dt>
          <dd>
            {files(request.received.files)}, {formatBytes(request.received.bytes)}
            {request.received.lastAt && <span className="muted"> · last {dateFormat.format(new Date(request.received.lastAt))}</span>}
          </dd>
        </div>
        {request.inProgress.files > 0 && (
          <div>
            <dt>Arriving</dt>
            <dd>
              {files(request.inProgress.files)}, {formatBytes(request.inProgress.bytes)}
            </dd>
          </div>
        )}
        <div>
          <dt>{status === "active" ? "Open until" : status === "revoked" ? "Revoked" : "Expired"}</dt>
          <dd>
            {status === "revoked" && request.revokedAt ? (
              <time dateTime={request.revokedAt}>{dateFormat.format(new Date(request.revokedAt))}</time>
            ) : (
              <time dateTime={request.expiresAt}>
                {dateFormat.format(new Date(request.expiresAt))}
                {status === "active" && ` (in ${formatDuration(left)})`}
              </time>
            )}
          </dd>
        </div>
      </dl>
      <p className="muted request-card__limits">{limitsLine(request)}</p>
      {status === "active" && (
        <button type="button" className="link-button danger" disabled={revoking} onClick={onRevoke} aria-label={`Revoke ${request.label}`}>
          {revoking ? "Revoking…" : "Revoke"}
        </button>
      )}
    </li>
  );
}
