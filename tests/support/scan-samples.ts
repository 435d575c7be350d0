import { randomBytes, randomInt } from "node:crypto";

/**
 * The EICAR test file (68 bytes), which every scanner reports; scanner/signatures/slipway.hdb
 * has its MD5. Put together at run time so that this source file does not carry it and a virus
 * scanner on a developer's machine leaves the repository alone.
 */
export function eicarBytes(): Buffer {
  return Buffer.from(["X5O!P%@AP[4\\PZX54(P^)7CC)7}$", "EICAR-STANDARD-", "ANTIVIRUS-TEST-FILE!$H+H*"].join(""), "latin1");
}

/** What scanner/signatures/slipway.ndb (Slipway.Test.Marker) finds at any offset. */
export const SCAN_MARKER = "SLIPWAY-SCANNER-TEST-MARKER:0c5e1f7a";

/** `size` random bytes with the marker somewhere inside. */
export function markerBytes(size = 4096): Buffer {
  const marker = Buffer.from(SCAN_MARKER, "latin1");
  if (size < marker.length) throw new Error(`markerBytes needs at least ${marker.length} bytes`);
  const bytes = randomBytes(size);
  marker.copy(bytes, randomInt(size - marker.length + 1));
  return bytes;
}

/** `size` random bytes: no signature matches them. */
export function cleanBytes(size: number): Buffer {
  return randomBytes(size);
}
