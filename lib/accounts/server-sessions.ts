import { db } from "../db";

/**
 * Opens the server-side row of a session that is signing in; its id goes into the JWT. Expired
 * rows of anyone go on the way (indexed, and few: one per sign-in within the lifetime).
 */
export async function openSession(userId: string, lifetimeSeconds: number): Promise<string> {
  const now = Date.now();
  await db.session.deleteMany({ where: { expiresAt: { lt: new Date(now) } } });
  const { id } = await db.session.create({ data: { userId, expiresAt: new Date(now + lifetimeSeconds * 1000) }, select: { id: true } });
  return id;
}

/** Ends one session: its cookie, wherever it was copied, stops working on the next request. */
export async function closeSession(sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}
