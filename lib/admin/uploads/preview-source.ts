import { HttpError } from "../../errors";
import { findAdminUpload } from "./find-admin-upload";
import { objectLocation } from "./object-location";

export const notPreviewable = (why: string) => new HttpError({ code: "not_previewable", message: `This file cannot be previewed: ${why}.` });

/** The file an admin asked to preview and the key its bytes are stored under (quarantine/ for a quarantined file); 409 when there is nothing to show. */
export async function previewSource(uploadId: string, accepts: (contentType: string) => boolean, kind: string) {
  const upload = await findAdminUpload(uploadId);
  if (upload.status !== "COMPLETE") throw notPreviewable(`it is ${upload.status.toLowerCase()}`);
  if (upload.processing === "INFECTED" || upload.scanSignature) throw notPreviewable(`a virus was found in it (${upload.scanSignature ?? "unnamed"})`);
  if (!accepts(upload.contentType)) throw notPreviewable(`${upload.contentType} has no ${kind} preview`);
  const key = objectLocation(upload);
  if (key === null) throw notPreviewable("it was rejected and its bytes were deleted");
  return { upload, key };
}
