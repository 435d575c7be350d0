import { readObjectRange } from "../../storage/objects";
import { notPreviewable, previewSource } from "./preview-source";

export const TEXT_PREVIEW_BYTES = 64 * 1024;

/** text/*, and JSON, XML, CSV and YAML however they are labelled (application/json, image/svg+xml, …). */
export function isTextual(contentType: string): boolean {
  return contentType.startsWith("text/") || /^application\/(json|xml|yaml|x-yaml|csv)$/.test(contentType) || /\+(json|xml|yaml)$/.test(contentType);
}

/**
 * The start of a text file for the admin's review: one ranged GET of the first 64 KiB, decoded
 * as UTF-8 (invalid bytes become U+FFFD). The page shows it as text, never as markup.
 */
export async function readTextPreview(uploadId: string): Promise<{ text: string; truncated: boolean }> {
  const { upload, key } = await previewSource(uploadId, isTextual, "text");
  const bytes = await readObjectRange(key, 0, TEXT_PREVIEW_BYTES - 1);
  if (bytes === null) throw notPreviewable("its bytes are not in storage");
  const truncated = Number(upload.size) > TEXT_PREVIEW_BYTES;
  // Streaming mode holds back a character cut in half at the 64 KiB boundary instead of showing U+FFFD for it.
  return { text: new TextDecoder("utf-8").decode(bytes, { stream: truncated }), truncated };
}
