import "server-only";
import { db } from "../db";
import { signatureFingerprint } from "./clamd-client";
import { requestRescanAll } from "./rescan-uploads";
import { clamdOptions } from "./scan-policy";

/**
 * Compares clamd's signature database with the one seen last time; when it changed (freshclam
 * brought new signatures, or scanning was just turned on) every file is scanned again, so a file
 * that was clean yesterday is checked against today's signatures. The first sighting on a fresh
 * install only records it: the backfill already processes everything.
 */
export async function checkSignatures(): Promise<{ fingerprint: string; changed: boolean } | null> {
  const clamd = clamdOptions();
  if (!clamd) return null;
  const fingerprint = await signatureFingerprint(clamd);
  const now = new Date();
  const previous = await db.scannerState.findUnique({ where: { id: 1 } });
  await db.scannerState.upsert({ where: { id: 1 }, create: { id: 1, fingerprint, checkedAt: now }, update: { fingerprint, checkedAt: now } });
  const changed = previous !== null && previous.fingerprint !== fingerprint;
  if (changed) await requestRescanAll(`clamd's signatures changed from "${previous.fingerprint}" to "${fingerprint}"`);
  return { fingerprint, changed };
}
