// The dashboard's filters, as groups a person thinks in. Type-only imports: the browser shows the
// same groups (and labels) that lib/uploads/upload-filters.ts turns into SQL.
import type { UploadStatus } from "../generated/prisma/enums";
import type { UploadAvailability } from "./upload-status";

export const STATUS_GROUPS = ["in_progress", "complete", "failed"] as const;
export type StatusGroup = (typeof STATUS_GROUPS)[number];

/** A file's group in a word or two, as its row shows it. */
export const STATUS_GROUP_NAME: Record<StatusGroup, string> = { in_progress: "In progress", complete: "Complete", failed: "Failed" };

/** What each group holds, in the words the filter shows. */
export const STATUS_GROUP_LABEL: Record<StatusGroup, string> = {
  in_progress: "In progress: uploading, being checked or waiting for review",
  complete: "Complete: ready to download and share",
  failed: "Failed: the upload failed, or the file was rejected or blocked by the virus scan",
};

/**
 * The group of a listed file. A file is "in progress" until it can be shared or it is known it
 * never will be; availability already holds the review and scan rules (and the server's policy).
 */
export function statusGroup(upload: { status: UploadStatus; availability: UploadAvailability }): StatusGroup {
  if (upload.status === "FAILED") return "failed";
  if (upload.status !== "COMPLETE" || upload.availability === "pending_review" || upload.availability === "processing") return "in_progress";
  return upload.availability === "available" ? "complete" : "failed";
}

export const TYPE_GROUPS = ["images", "video", "audio", "documents", "archives", "other"] as const;
export type TypeGroup = (typeof TYPE_GROUPS)[number];

/** Content types by group: a family ("image/") or exact types. "other" is every type no group names. */
export const TYPE_GROUP_MEMBERS: Record<Exclude<TypeGroup, "other">, { label: string; prefixes: string[]; types: string[] }> = {
  images: { label: "Images", prefixes: ["image/"], types: [] },
  video: { label: "Video", prefixes: ["video/"], types: [] },
  audio: { label: "Audio", prefixes: ["audio/"], types: [] },
  documents: {
    label: "Documents (PDF, text, office files)",
    prefixes: ["text/", "application/vnd.openxmlformats-officedocument.", "application/vnd.oasis.opendocument."],
    types: ["application/pdf", "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint", "application/rtf", "application/epub+zip"],
  },
  archives: {
    label: "Archives (zip, tar, 7z…)",
    prefixes: [],
    types: [
      "application/zip",
      "application/x-zip-compressed",
      "application/gzip",
      "application/x-gzip",
      "application/x-tar",
      "application/x-compressed-tar",
      "application/x-7z-compressed",
      "application/x-rar-compressed",
      "application/vnd.rar",
      "application/x-bzip2",
      "application/x-xz",
      "application/zstd",
    ],
  },
};

export const TYPE_GROUP_LABEL: Record<TypeGroup, string> = {
  ...Object.fromEntries(Object.entries(TYPE_GROUP_MEMBERS).map(([group, { label }]) => [group, label])),
  other: "Other",
} as Record<TypeGroup, string>;
