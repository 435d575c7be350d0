"use client";

import type { PublicRequestJson } from "@/lib/requests/request-json";
import { formatDuration } from "@/lib/format-duration";
import { useNow } from "../../ui/use-now";
import { limitLines } from "../limit-words";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** Who asks for what, until when, and within which limits. */
export function RequestSummary({ request }: { request: PublicRequestJson }) {
  const now = useNow(30_000);
  const expiresAt = new Date(request.expiresAt);
  return (
    <header className="stack guest__summary">
      <div>
        <p className="muted guest__asker">{request.ownerName} asks you for files</p>
        <h1 className="guest__title">{request.label}</h1>
      </div>
      {request.message && <p className="guest__message">{request.message}</p>}
      <dl className="details-list">
        <div>
          <dt>Open until</dt>
          <dd>
            <time dateTime={request.expiresAt}>{dateFormat.format(expiresAt)}</time> (in {formatDuration((expiresAt.getTime() - now.getTime()) / 1000)})
          </dd>
        </div>
        {limitLines(request).map(({ term, value }) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}
