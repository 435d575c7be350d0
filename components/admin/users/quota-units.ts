export const QUOTA_UNITS = [
  { value: "GiB", bytes: 1024 ** 3 },
  { value: "MiB", bytes: 1024 ** 2 },
  { value: "bytes", bytes: 1 },
] as const;
export type QuotaUnit = (typeof QUOTA_UNITS)[number]["value"];

/** A quota in the largest unit that shows it exactly (50 GiB, 1536 MiB, 1000 bytes). */
export function splitQuota(bytes: number): { amount: string; unit: QuotaUnit } {
  const unit = QUOTA_UNITS.find((candidate) => bytes % candidate.bytes === 0 && bytes >= candidate.bytes) ?? QUOTA_UNITS[2];
  return { amount: String(bytes / unit.bytes), unit: unit.value };
}

/** Bytes for an amount typed in a unit ("1.5" GiB); null when it is not a size. */
export function joinQuota(amount: string, unit: QuotaUnit): number | null {
  const value = Number(amount);
  const unitBytes = QUOTA_UNITS.find((candidate) => candidate.value === unit)?.bytes ?? 1;
  if (!amount.trim() || !Number.isFinite(value) || value < 0) return null;
  const bytes = Math.round(value * unitBytes);
  return Number.isSafeInteger(bytes) ? bytes : null;
}
