// S3's multipart limits: parts of 5 MiB to 5 GiB (the last may be smaller), at most 10,000 of them.
export const MIN_PART_BYTES = 5 * 1024 ** 2;
export const MAX_PARTS = 10_000;
const MIB = 1024 ** 2;

export type UploadPlan = { strategy: "SINGLE" } | { strategy: "MULTIPART"; partSize: number; partCount: number };

/**
 * Single PUT up to the threshold; above it, parts of the preferred size, grown (in whole MiB)
 * just enough to stay within 10,000 parts — so a 5 TiB file uses ~525 MiB parts.
 */
export function planUpload(size: number, options: { threshold: number; partSize: number }): UploadPlan {
  if (size <= options.threshold) return { strategy: "SINGLE" };
  const needed = Math.ceil(Math.ceil(size / MAX_PARTS) / MIB) * MIB;
  const partSize = Math.max(options.partSize, MIN_PART_BYTES, needed);
  return { strategy: "MULTIPART", partSize, partCount: Math.ceil(size / partSize) };
}

/** Byte length of part `number` (1-based) of a plan. */
export function partLength(size: number, partSize: number, number: number): number {
  return Math.min(partSize, size - (number - 1) * partSize);
}
