import { db } from "../db";
import type { AuditFilter } from "./query-audit-page";

export interface AuditFilterInput {
  actor?: string;
  action?: string;
  target?: string;
  from?: Date;
  to?: Date;
}

/** The filter as the query needs it; null when no event can match (an actor that is no user). */
export async function resolveAuditFilter({ actor, action, ...rest }: AuditFilterInput): Promise<AuditFilter | null> {
  const filter: AuditFilter = { ...rest, ...(action?.endsWith(".") ? { actionPrefix: action } : { action }) };
  if (actor === undefined) return filter;
  const user = await db.user.findFirst({ where: { OR: [{ id: actor }, { email: actor.toLowerCase() }] }, select: { id: true } });
  return user ? { ...filter, actorId: user.id } : null;
}
