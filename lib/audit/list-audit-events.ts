import { db } from "../db";
import { invalidCursor } from "../errors";
import { queryAuditPage } from "./query-audit-page";
import { resolveAuditFilter, type AuditFilterInput } from "./resolve-audit-filter";
import { serializeAuditEvent } from "./serialize-audit-event";

export interface ListAuditQuery extends AuditFilterInput {
  cursor?: string;
  limit: number;
}

/** A page of the audit log, newest first; `nextCursor` is the id of the last event on it. */
export async function listAuditEvents({ cursor, limit, ...filters }: ListAuditQuery) {
  const after = cursor ? await db.auditEvent.findUnique({ where: { id: cursor }, select: { id: true, createdAt: true } }) : null;
  if (cursor && !after) throw invalidCursor();
  const filter = await resolveAuditFilter(filters);
  if (!filter) return { items: [], nextCursor: null };
  const rows = await queryAuditPage(filter, after, limit + 1);
  const page = rows.slice(0, limit);
  return { items: page.map(serializeAuditEvent), nextCursor: rows.length > limit ? page[page.length - 1].id : null };
}
