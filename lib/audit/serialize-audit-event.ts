import type { AuditRow } from "./query-audit-page";

/** The JSON shape of an audit event in the admin API (and each NDJSON line of an export). */
export function serializeAuditEvent(row: AuditRow) {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    actor: row.actorId ? { id: row.actorId, email: row.actorEmail, name: row.actorName } : null,
    action: row.action,
    target: row.target,
    ip: row.ip,
    userAgent: row.userAgent,
    data: row.data,
  };
}
export type AuditEventJson = ReturnType<typeof serializeAuditEvent>;
