import type { RequestMeta } from "../http";
import { csvRecord } from "./csv";
import { queryAuditPage, type AuditPosition, type AuditRow } from "./query-audit-page";
import { recordAuditEvent } from "./record-audit-event";
import { resolveAuditFilter, type AuditFilterInput } from "./resolve-audit-filter";
import { serializeAuditEvent } from "./serialize-audit-event";

export type AuditExportFormat = "csv" | "ndjson";

const PAGE_ROWS = 1000;

const CSV_HEADER = csvRecord(["id", "createdAt", "actorId", "actorEmail", "action", "target", "ip", "userAgent", "data"]);

function csvLine(row: AuditRow): string {
  const data = row.data === null ? null : JSON.stringify(row.data);
  return csvRecord([row.id, row.createdAt.toISOString(), row.actorId, row.actorEmail, row.action, row.target, row.ip, row.userAgent, data]);
}

const ndjsonLine = (row: AuditRow) => `${JSON.stringify(serializeAuditEvent(row))}\n`;

/** Writes a page per chunk, asking for the next page only when the reader has taken the last one. */
function streamPages(first: AuditRow[], nextPage: (after: AuditPosition) => Promise<AuditRow[]>, format: AuditExportFormat): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const line = format === "csv" ? csvLine : ndjsonLine;
  let page = first;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (format === "csv") controller.enqueue(encoder.encode(CSV_HEADER));
    },
    async pull(controller) {
      const rows = page;
      if (rows.length) controller.enqueue(encoder.encode(rows.map(line).join("")));
      if (rows.length < PAGE_ROWS) {
        controller.close();
        return;
      }
      page = await nextPage(rows[rows.length - 1]);
    },
  });
}

/**
 * Every event matching the filters, newest first, as a CSV (RFC 4180, `data` as JSON text) or
 * NDJSON stream that holds a page or two in memory, never the whole export. The first page is read
 * before the export is audited, so the export's own audit row (newer than every row it lists) is not in it.
 */
export async function exportAuditEvents(adminId: string, filters: AuditFilterInput, format: AuditExportFormat, meta: RequestMeta) {
  const filter = await resolveAuditFilter(filters);
  const nextPage = async (after: AuditPosition | null) => (filter ? queryAuditPage(filter, after, PAGE_ROWS) : []);
  const first = await nextPage(null);
  const { from, to, ...named } = filters;
  await recordAuditEvent({ actorId: adminId, action: "admin.audit_export", data: { format, ...named, from: from?.toISOString(), to: to?.toISOString() }, meta });
  return streamPages(first, nextPage, format);
}
