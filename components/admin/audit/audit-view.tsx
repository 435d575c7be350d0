"use client";

import { useState } from "react";
import { adminApi, type AuditEventJson, type AuditFilters as Filters } from "@/lib/api-client/admin-api";
import { describeUploadError } from "@/lib/upload-client/describe-error";
import { ErrorMessage } from "../../ui/error-message";
import { LoadMoreButton } from "../../ui/load-more-button";
import { ScrollTable } from "../../ui/scroll-table";
import { useCursorPages } from "../../ui/use-cursor-pages";
import { AuditFilters } from "./audit-filters";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

function EventDetails({ event }: { event: AuditEventJson }) {
  if (event.data == null && !event.userAgent) return null;
  return (
    <details>
      <summary>Details</summary>
      {event.userAgent && <p className="muted audit__agent">{event.userAgent}</p>}
      {event.data != null && <pre className="audit__data">{JSON.stringify(event.data, null, 2)}</pre>}
    </details>
  );
}

/** The audit log, newest first, a page at a time, with the filters and their exports. */
export function AuditView() {
  const [filters, setFilters] = useState<Filters>({});
  const { query, items: events } = useCursorPages(["admin", "audit", filters], (cursor) => adminApi.listAudit(filters, cursor));

  return (
    <div className="stack">
      <AuditFilters onApply={setFilters} />
      <p className="button-row">
        {/* Plain links: the browser downloads the attachment, streamed by the server page after page. */}
        <a className="button button--secondary" href={adminApi.auditExportUrl(filters, "csv")} download>
          Export CSV
        </a>
        <a className="button button--secondary" href={adminApi.auditExportUrl(filters, "ndjson")} download>
          Export JSON lines
        </a>
      </p>
      {query.isPending ? (
        <p aria-busy="true">Loading the audit log…</p>
      ) : query.isError ? (
        <ErrorMessage message={`The audit log could not be loaded: ${describeUploadError(query.error)}`} />
      ) : !events.length ? (
        <p className="muted">No event matches these filters.</p>
      ) : (
        <ScrollTable
          label="Audit events"
          className="audit"
          caption="Audit events, newest first"
          columns={["Time", "Actor", "Action", "Target", "Address", "Details"]}
          actions={false}
        >
          {events.map((event) => (
            <tr key={event.id}>
              <th scope="row">
                <time dateTime={event.createdAt}>{dateFormat.format(new Date(event.createdAt))}</time>
              </th>
              <td data-label="Actor">{event.actor ? (event.actor.email ?? event.actor.id) : <span className="muted">system</span>}</td>
              <td data-label="Action">
                <code>{event.action}</code>
              </td>
              <td data-label="Target" className="audit__id">
                {event.target ?? "—"}
              </td>
              <td data-label="Address">{event.ip ?? "—"}</td>
              <td>
                <EventDetails event={event} />
              </td>
            </tr>
          ))}
        </ScrollTable>
      )}
      <LoadMoreButton pages={query} />
    </div>
  );
}
