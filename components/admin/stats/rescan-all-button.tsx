"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { adminApi } from "@/lib/api-client/admin-api";
import { describeUploadError } from "@/lib/upload-client/describe-error";
import { ErrorMessage } from "../../ui/error-message";

/** Queues every finished file for a new scan (after a signature update, say), once the admin confirms. */
export function RescanAllButton() {
  const queryClient = useQueryClient();
  const rescan = useMutation({
    mutationFn: adminApi.rescanAll,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["admin", "stats"] }),
  });
  const confirmed = () => window.confirm("Scan every file again? Each stored file is read and scanned once more; files cannot be shared while they wait for their new scan.");
  return (
    <div className="stack">
      <button type="button" className="button button--secondary" disabled={rescan.isPending} onClick={() => confirmed() && rescan.mutate()}>
        Scan every file again
      </button>
      <p role="status" className="success-text">
        {rescan.isSuccess ? "Every stored file is queued for a new scan. The counts above change as they are checked." : ""}
      </p>
      <ErrorMessage message={rescan.isError ? `Nothing was queued: ${describeUploadError(rescan.error)}` : null} />
    </div>
  );
}
