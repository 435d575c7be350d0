export type PreviewKind = "image" | "video" | "audio" | "pdf" | "text" | "none";

// The types the preview and text routes serve (docs/api.md); never SVG, which can carry script.
const RASTER_IMAGES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp", "image/avif", "image/bmp"]);
const TEXT_APPLICATIONS = new Set(["application/json", "application/xml", "application/yaml", "application/x-yaml", "application/csv"]);

/** How the review page can show a file of `contentType`. */
export function previewKind(contentType: string): PreviewKind {
  const type = contentType.split(";")[0].trim().toLowerCase();
  if (RASTER_IMAGES.has(type)) return "image";
  if (type.startsWith("video/")) return "video";
  if (type.startsWith("audio/")) return "audio";
  if (type === "application/pdf") return "pdf";
  if (type.startsWith("text/") || TEXT_APPLICATIONS.has(type) || /\+(json|xml|yaml)$/.test(type)) return "text";
  return "none";
}
