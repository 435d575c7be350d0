import type { Upload } from "../generated/prisma/client";
import { presignGet } from "../storage/s3";

/** A presigned GET cannot be revoked, so it lives just long enough for the browser to follow it. */
const DOWNLOAD_URL_SECONDS = 60;

/** A presigned GET of a finished upload, served as an attachment under its original name and type. */
export async function presignDownload(upload: Pick<Upload, "key" | "originalName" | "contentType">): Promise<string> {
  const { url } = await presignGet({ key: upload.key, fileName: upload.originalName, contentType: upload.contentType, expiresInSeconds: DOWNLOAD_URL_SECONDS });
  return url;
}
