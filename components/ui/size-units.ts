export const SIZE_UNITS = [
  { value: "GiB", bytes: 1024 ** 3 },
  { value: "MiB", bytes: 1024 ** 2 },
  { value: "bytes", bytes: 1 },
] as const;
export type SizeUnit = (typeof SIZE_UNITS)[number]["value"];

/** A size (a quota, a limit) in the largest unit that shows it exactly (50 GiB, 1536 MiB, 1000 bytes). */
export function splitSize(bytes: number): { amount: string; unit: SizeUnit } {
  const unit = SIZE_UNITS.find((candidate) => bytes % candidate.bytes === 0 && bytes >= candidate.bytes) ?? SIZE_UNITS[2];
  return { amount: String(bytes / unit.bytes), unit: unit.value };
}

/** Bytes for an amount typed in a unit ("1.5" GiB); null when it is not a size. */
export function joinSize(amount: string, unit: SizeUnit): number | null {
  const value = Number(amount);
  const unitBytes = SIZE_UNITS.find((candidate) => candidate.value === unit)?.bytes ?? 1;
  if (!amount.trim() || !Number.isFinite(value) || value < 0) return null;
  const bytes = Math.round(value * unitBytes);
  return Number.isSafeInteger(bytes) ? bytes : null;
}
