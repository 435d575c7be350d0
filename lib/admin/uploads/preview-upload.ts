import { presignGet } from "../../storage/s3";
import { previewSource } from "./preview-source";

// Raster formats only: an SVG is a document that can carry script, so it is never shown inline.
const RASTER_IMAGES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp", "image/avif", "image/bmp"]);

/** Long enough to load and play a video in the review page; a presigned GET cannot be revoked. */
export const PREVIEW_URL_SECONDS = 300;

export function isPreviewable(contentType: string): boolean {
  return RASTER_IMAGES.has(contentType) || contentType.startsWith("audio/") || contentType.startsWith("video/") || contentType === "application/pdf";
}

/**
 * A presigned GET for the admin's preview: shown inline, and served as the declared type, which
 * is one the browser renders as media, never as a page of the storage origin.
 */
export async function previewUpload(uploadId: string): Promise<string> {
  const { upload, key } = await previewSource(uploadId, isPreviewable, "inline");
  const { url } = await presignGet({ key, fileName: upload.originalName, contentType: upload.contentType, expiresInSeconds: PREVIEW_URL_SECONDS, disposition: "inline" });
  return url;
}
