import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useState } from "react";
import { adminApi, type AdminUploadJson, type Decision } from "@/lib/api-client/admin-api";
import { describeUploadError } from "@/lib/upload-client/describe-error";
import type { BulkLine } from "../../ui/bulk-results";
import { describeRefusal } from "./describe-refusal";
import { patchListedUploads } from "./patch-listed-uploads";

const DONE: Record<Decision, string> = { approve: "Approved", reject: "Rejected" };

/**
 * Decisions on files of the queue (one, or many through the bulk route). A decided file stays in
 * the list with its new state, so the result is visible where the admin is looking; refused
 * files keep a reason and are read again, so the row shows who decided them.
 */
export function useReviewDecisions(queryKey: QueryKey, announce: (message: string) => void) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [problems, setProblems] = useState<ReadonlyMap<string, string>>(new Map());
  const [bulkLines, setBulkLines] = useState<BulkLine[] | null>(null);

  const update = (ids: string[], change: (upload: AdminUploadJson) => AdminUploadJson) => patchListedUploads(queryClient, queryKey, ids, change);
  const mark = (ids: string[], on: boolean) =>
    setBusy((current) => {
      const next = new Set(current);
      for (const id of ids)
        if (on) next.add(id);
        else next.delete(id);
      return next;
    });
  const setProblem = (entries: Array<[string, string | null]>) =>
    setProblems((current) => {
      const next = new Map(current);
      for (const [id, message] of entries)
        if (message) next.set(id, message);
        else next.delete(id);
      return next;
    });
  const reread = (ids: string[]) =>
    Promise.all(
      ids.map((id) =>
        adminApi.getUpload(id).then(
          (fresh) => update([id], () => fresh),
          () => undefined,
        ),
      ),
    );

  async function decideOne(upload: AdminUploadJson, decision: Decision, note?: string) {
    mark([upload.id], true);
    try {
      const after = await adminApi.decide(upload.id, decision, note);
      update([upload.id], () => after);
      setProblem([[upload.id, null]]);
      announce(`${DONE[decision]} “${upload.name}”.`);
    } catch (error) {
      const message = describeUploadError(error);
      setProblem([[upload.id, message]]);
      announce(`“${upload.name}” was not ${decision === "approve" ? "approved" : "rejected"}: ${message}`);
      await reread([upload.id]);
    } finally {
      mark([upload.id], false);
    }
  }

  /** Resolves to the ids that were decided. */
  async function decideMany(uploads: AdminUploadJson[], decision: Decision, note?: string): Promise<string[]> {
    const ids = uploads.map((upload) => upload.id);
    const names = new Map(uploads.map((upload) => [upload.id, upload.name]));
    mark(ids, true);
    try {
      const results = await adminApi.decideMany(ids, decision, note);
      const lines = results.map((result) => {
        const ok = result.status === "ok";
        return {
          id: result.id,
          name: names.get(result.id) ?? result.id,
          ok,
          message: ok ? DONE[decision] : `Not ${decision === "approve" ? "approved" : "rejected"}: ${describeRefusal(result)}`,
        };
      });
      const done = lines.filter((line) => line.ok).map((line) => line.id);
      // The bulk answer holds no uploads: show the new states now, then read who decided and where the bytes are.
      update(done, (item) => ({ ...item, review: decision === "approve" ? "APPROVED" : "REJECTED", reviewNote: note ?? item.reviewNote }));
      setProblem(lines.map((line) => [line.id, line.ok ? null : line.message]));
      setBulkLines(lines);
      announce(`${DONE[decision]} ${done.length} of ${lines.length} files${done.length < lines.length ? `; ${lines.length - done.length} refused, see the results` : ""}.`);
      await reread(ids);
      return done;
    } catch (error) {
      const message = describeUploadError(error);
      setBulkLines(uploads.map((upload) => ({ id: upload.id, name: upload.name, ok: false, message })));
      announce(`Nothing was decided: ${message}`);
      return [];
    } finally {
      mark(ids, false);
    }
  }

  return { busy, problems, bulkLines, clearBulkLines: () => setBulkLines(null), decideOne, decideMany };
}
