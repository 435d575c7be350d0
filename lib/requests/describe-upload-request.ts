import { countRequestUploads, NO_UPLOADS } from "./count-request-uploads";
import { findOpenRequest } from "./find-upload-request";
import type { PublicRequestJson } from "./request-json";
import { serializePublicRequest } from "./serialize-upload-request";

/** GET /api/r/:token: what the request page shows a guest; 404 or 410 (with the reason) otherwise. */
export async function describeUploadRequest(token: unknown): Promise<{ request: PublicRequestJson }> {
  const request = await findOpenRequest(token);
  const counts = await countRequestUploads([request.id], new Date());
  return { request: serializePublicRequest(request, request.owner.name, counts.get(request.id) ?? NO_UPLOADS) };
}
