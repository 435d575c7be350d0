import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { RequestMeta } from "../http";
import { auditEventId } from "./audit-event-id";

export interface AuditEntry {
  actorId: string | null;
  action: string;
  target?: string;
  data?: Prisma.InputJsonValue;
  meta?: RequestMeta;
}

/** Appends to the audit log. Pass a transaction client to make the entry part of the change. */
export async function recordAuditEvent(entry: AuditEntry, client: Pick<typeof db, "auditEvent"> = db): Promise<void> {
  await client.auditEvent.create({
    data: {
      id: auditEventId(),
      actorId: entry.actorId,
      action: entry.action,
      target: entry.target,
      data: entry.data,
      ip: entry.meta?.ip ?? null,
      userAgent: entry.meta?.userAgent ?? null,
    },
  });
}
