import { toErrorResponse } from "../errors";
import type { RequestMeta } from "../http";
import type { DeleteResultJson } from "./dashboard-json";
import { deleteUpload } from "./delete-upload";

/**
 * Deletes (or cancels) several of the caller's uploads, one after the other, each exactly as
 * `DELETE /api/uploads/:id` does: an id that is not one of the caller's files is reported as not
 * found (as another user's id always is) and nothing of it is touched; a failure (storage down)
 * is reported for its file, and the rest carry on.
 */
export async function deleteUploads(userId: string, ids: string[], meta: RequestMeta): Promise<{ results: DeleteResultJson[] }> {
  const results: DeleteResultJson[] = [];
  for (const id of ids) {
    try {
      await deleteUpload(userId, id, meta);
      results.push({ id, status: "ok" });
    } catch (error) {
      const { status, body } = toErrorResponse(error);
      results.push({ id, status, code: body.error.code });
    }
  }
  return { results };
}
