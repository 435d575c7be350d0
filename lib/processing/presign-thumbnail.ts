import { notFound } from "../errors";
import type { Upload } from "../generated/prisma/client";
import { objectLocation } from "../admin/uploads/object-location";
import { presignGet } from "../storage/s3";

/** A thumbnail is Slipway's own WebP, so it is shown inline; the URL lives a few minutes. */
const THUMBNAIL_URL_SECONDS = 300;

/** A presigned GET of an upload's thumbnail; 404 when it has none (not an image, not processed, infected, rejected and deleted). */
export async function presignThumbnail(
  upload: Pick<Upload, "thumbnailKey" | "originalName" | "processing" | "scanSignature" | "key" | "review" | "quarantinedAt">,
): Promise<string> {
  const gone = objectLocation(upload) === null || upload.processing === "INFECTED" || upload.scanSignature !== null;
  if (!upload.thumbnailKey || gone) throw notFound("Thumbnail");
  const { url } = await presignGet({
    key: upload.thumbnailKey,
    fileName: `${upload.originalName}.webp`,
    contentType: "image/webp",
    expiresInSeconds: THUMBNAIL_URL_SECONDS,
    disposition: "inline",
  });
  return url;
}
