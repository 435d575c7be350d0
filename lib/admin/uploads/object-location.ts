import type { Upload } from "../../generated/prisma/client";
import { quarantineKey } from "../../uploads/object-keys";

/** Where a finished upload's object belongs given its review: its key, under quarantine/, or nowhere (rejected and deleted). */
export function objectLocation(upload: Pick<Upload, "key" | "review" | "quarantinedAt">): string | null {
  if (upload.quarantinedAt) return quarantineKey(upload.key);
  return upload.review === "REJECTED" ? null : upload.key;
}
