import { fileTypeFromBuffer, supportedMimeTypes } from "file-type";
import { canonicalType, familiesOfExtension, familiesOfType, type TypeFamily } from "./type-families";

/** How many head bytes to sniff: file-type's own sample size (its README and `fileTypeStream`'s default). */
export const SNIFF_BYTES = 4100;

/** The MIME type the head's magic bytes name, or null when they name none (plain text, for one). */
export async function sniffType(head: Uint8Array): Promise<string | null> {
  try {
    const found = await fileTypeFromBuffer(head);
    return found?.mime ?? null;
  } catch (error) {
    throw new Error(`the file's type could not be read from its first bytes: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** What a client sends when it does not know the type: no claim about the bytes at all. */
const GENERIC = new Set(["", "application/octet-stream", "binary/octet-stream", "application/unknown", "application/binary", "application/download", "application/force-download"]);

const DETECTABLE = new Set([...supportedMimeTypes].map(canonicalType));

function contradictsType(declared: string, detected: string, detectedFamilies: TypeFamily[]): boolean {
  if (GENERIC.has(declared) || declared === detected) return false;
  const declaredFamilies = familiesOfType(declared);
  if (declaredFamilies.length > 0) return !declaredFamilies.some((family) => detectedFamilies.includes(family));
  // A type file-type cannot detect may be a format built on the container it did detect (a .kmz is a zip).
  return !(detectedFamilies.some((family) => family.container) && !DETECTABLE.has(declared));
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

/**
 * Whether the detected type contradicts the declared type or the name's extension. A generic or
 * empty declared type, an extension nobody here knows, and an unknown detected type claim nothing;
 * aliases and formats built on a container (Office files are zips) agree with it.
 */
export function typeMismatch({ declaredType, name, detectedType }: { declaredType: string; name: string; detectedType: string | null }): boolean {
  if (detectedType === null) return false;
  const detected = canonicalType(detectedType);
  const detectedFamilies = familiesOfType(detected);
  const extFamilies = familiesOfExtension(extensionOf(name));
  const extContradicts = extFamilies.length > 0 && !extFamilies.some((family) => detectedFamilies.includes(family));
  return extContradicts || contradictsType(canonicalType(declaredType), detected, detectedFamilies);
}
