import { serializeUpload, type UploadRow } from "../uploads/serialize-upload";
import type { UploadJson } from "../uploads/upload-json";

/**
 * The upload JSON a guest gets (the shape the browser upload engine reads): the file itself and
 * its state, nothing of the owner's — no review note or time, no thumbnail address (it needs the
 * owner's session), not the request it is filed under.
 */
export function serializeGuestUpload(upload: UploadRow): UploadJson {
  const json = serializeUpload(upload);
  return {
    ...json,
    reviewNote: null,
    reviewedAt: null,
    receivedVia: null,
    processing: json.processing && { ...json.processing, thumbnailUrl: null },
  };
}
