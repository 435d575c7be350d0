"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { dashboardApi } from "@/lib/api-client/dashboard-api";
import type { DeleteResultJson } from "@/lib/uploads/dashboard-json";
import type { UploadJson } from "@/lib/uploads/upload-json";
import { describeUploadError } from "@/lib/upload-client/describe-error";
import type { BulkLine } from "../ui/bulk-results";

/** The route takes at most this many ids a call. */
const CHUNK = 100;

function outcome(upload: UploadJson, result: DeleteResultJson | undefined): BulkLine {
  const line = { id: upload.id, name: upload.folder ? `${upload.folder}/${upload.name}` : upload.name };
  if (result?.status === "ok") return { ...line, ok: true, message: upload.status === "COMPLETE" ? "deleted" : "upload cancelled" };
  const code = result && "code" in result ? result.code : null;
  const message =
    code === "not_found"
      ? "already gone (deleted elsewhere?)"
      : code === "storage_unavailable"
        ? "file storage is unavailable; try again in a moment"
        : "could not be deleted; try again";
  return { ...line, ok: false, message };
}

/**
 * Deletes the chosen files through POST /api/uploads/delete, a hundred a call, and keeps a line
 * per file saying what happened; the list and the storage meter are read again afterwards.
 */
export function useBulkDelete() {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [lines, setLines] = useState<BulkLine[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(uploads: UploadJson[]) {
    setLines(null);
    setError(null);
    const results = new Map<string, DeleteResultJson>();
    try {
      for (let start = 0; start < uploads.length; start += CHUNK) {
        setProgress({ done: start, total: uploads.length });
        for (const result of await dashboardApi.deleteUploads(uploads.slice(start, start + CHUNK).map((upload) => upload.id))) results.set(result.id, result);
      }
    } catch (failure) {
      setError(`Deleting stopped: ${describeUploadError(failure)}`);
    } finally {
      setProgress(null);
      setLines(uploads.filter((upload) => results.has(upload.id)).map((upload) => outcome(upload, results.get(upload.id))));
      await queryClient.invalidateQueries({ queryKey: ["uploads"] });
    }
  }

  return { run, progress, lines, error, dismiss: () => (setLines(null), setError(null)) };
}
