import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useEffect, useEffectEvent, useState } from "react";
import { adminApi, type AdminUploadJson } from "@/lib/api-client/admin-api";
import { describeUploadError } from "@/lib/upload-client/describe-error";
import { isChecking, processingWords } from "../../processing/processing-words";
import { patchListedUploads } from "./patch-listed-uploads";

const POLL_MS = 1500;

/**
 * "Scan again" for files of the queue, and the previewed file read again every 1.5 s while it is
 * being checked, so the pane shows the verdict when it comes; both are announced.
 */
export function useRescan(queryKey: QueryKey, watched: AdminUploadJson | undefined, announce: (message: string) => void) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ id: string; message: string } | null>(null);
  const replace = (fresh: AdminUploadJson) => patchListedUploads(queryClient, queryKey, [fresh.id], () => fresh);

  async function rescan(upload: AdminUploadJson) {
    setBusy(upload.id);
    setProblem(null);
    try {
      replace(await adminApi.rescan(upload.id));
      announce(`“${upload.name}” will be scanned again.`);
    } catch (error) {
      const message = describeUploadError(error);
      setProblem({ id: upload.id, message });
      announce(`“${upload.name}” cannot be scanned again: ${message}`);
    } finally {
      setBusy(null);
    }
  }

  const onFresh = useEffectEvent((fresh: AdminUploadJson) => {
    replace(fresh);
    if (fresh.processing && !isChecking(fresh.processing)) announce(`“${fresh.name}” was checked: ${processingWords(fresh.processing)}.`);
  });
  const checkingId = watched && isChecking(watched.processing) ? watched.id : null;
  useEffect(() => {
    if (!checkingId) return;
    const read = async () => {
      try {
        onFresh(await adminApi.getUpload(checkingId));
      } catch {
        // A failed read is not worth a message: the next tick tries again.
      }
    };
    const timer = setInterval(() => void read(), POLL_MS);
    return () => clearInterval(timer);
  }, [checkingId]);

  return { busy, problem, rescan };
}
