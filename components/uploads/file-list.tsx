"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { dashboardApi } from "@/lib/api-client/dashboard-api";
import { uploadsApi } from "@/lib/api-client/uploads-api";
import { describeUploadError } from "@/lib/upload-client/describe-error";
import type { UploadJson } from "@/lib/uploads/upload-json";
import { ShareDialog } from "../links/share-dialog";
import { isChecking } from "../processing/processing-words";
import { BulkResults } from "../ui/bulk-results";
import { ErrorMessage } from "../ui/error-message";
import { ScrollTable } from "../ui/scroll-table";
import { SelectAll } from "../ui/select-all";
import { useCursorPages } from "../ui/use-cursor-pages";
import { BulkShareDialog } from "./bulk-share-dialog";
import { FolderRows } from "./folder-rows";
import { MoreLoader } from "./more-loader";
import { SelectionBar } from "./selection-bar";
import { UploadRow } from "./upload-row";
import { useBulkDelete } from "./use-bulk-delete";
import { filesQuery, isSearch, type ListParams } from "./use-list-params";

/** While a file is being checked the list is read again every 1.5 s, so its state, thumbnail and Share button appear by themselves. */
const refetchWhileChecking = (pages: Array<{ items: UploadJson[] }>) => (pages.some((page) => page.items.some((upload) => isChecking(upload.processing))) ? 1500 : false);

/** What an empty list says: there may still be folders above it. */
function emptyText(params: ListParams, hasFolders: boolean): string {
  if (isSearch(params)) return "No files match. Change the search, or Reset.";
  if (hasFolders) return params.folder ? "No files directly in this folder." : "No files outside folders.";
  return params.folder ? "This folder is empty." : "No files yet. Drop some above.";
}

const plural = (count: number) => `${count.toLocaleString()} ${count === 1 ? "file" : "files"}`;

/**
 * The files the dashboard shows for `params`: an open folder's subfolders and files, or search
 * results from every folder; more as the end scrolls into view; select some to share or delete.
 */
export function FileList({ params, folderHref }: { params: ListParams; folderHref: (folder: string) => string }) {
  const queryClient = useQueryClient();
  const query = filesQuery(params);
  const browsing = !isSearch(params);
  const { query: pages, items: uploads } = useCursorPages(["uploads", "list", query], (cursor?: string) => dashboardApi.listUploads(query, cursor), {
    refetchInterval: refetchWhileChecking,
  });
  // Searching looks in every folder, so there are no folders to show: the listing is not read.
  const { query: folderPages, items: folders } = useCursorPages(["uploads", "folders", browsing ? (params.folder ?? "/") : null], (cursor?: string) =>
    browsing ? dashboardApi.listFolders(params.folder ?? undefined, cursor) : Promise.resolve({ items: [], nextCursor: null }),
  );
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [sharing, setSharing] = useState<UploadJson[] | null>(null);
  const bulkDelete = useBulkDelete();
  const remove = useMutation({
    mutationFn: (id: string) => uploadsApi.deleteUpload(id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["uploads"] }),
  });

  const chosen = uploads.filter((upload) => selected.has(upload.id));
  const select = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  async function deleteChosen() {
    if (!window.confirm(`Delete ${plural(chosen.length)}? This cannot be undone; files still uploading are cancelled.`)) return;
    await bulkDelete.run(chosen);
    setSelected(new Set());
  }

  if (pages.isPending || folderPages.isPending) return <p aria-busy="true">Loading your files…</p>;
  if (pages.isError && !pages.data) return <ErrorMessage message={`Your files could not be loaded: ${describeUploadError(pages.error)}`} />;
  return (
    <>
      <SelectionBar
        selected={chosen.length}
        busy={bulkDelete.progress !== null}
        onShare={() => setSharing(chosen)}
        onDelete={() => void deleteChosen()}
        onClear={() => setSelected(new Set())}
      />
      <p role="status" className="muted live-line">
        {bulkDelete.progress ? `Deleting ${plural(bulkDelete.progress.total)}… ${bulkDelete.progress.done} done.` : ""}
      </p>
      <ErrorMessage message={bulkDelete.error ?? (remove.isError ? `Could not delete: ${describeUploadError(remove.error)}` : null)} />
      {bulkDelete.lines && <BulkResults lines={bulkDelete.lines} onDismiss={bulkDelete.dismiss} />}
      <ScrollTable
        label="Your files"
        caption="Your files"
        className="files"
        columns={["Name", "Size", "Status", "SHA-256", "Uploaded"]}
        lead={
          <SelectAll
            count={chosen.length}
            total={uploads.length}
            onToggleAll={() => setSelected(chosen.length === uploads.length ? new Set() : new Set(uploads.map((upload) => upload.id)))}
            label={`Select all ${uploads.length.toLocaleString()} files shown`}
          />
        }
      >
        <FolderRows folders={folders} pages={folderPages} href={folderHref} />
        {uploads.map((upload) => (
          <UploadRow
            key={upload.id}
            upload={upload}
            selected={selected.has(upload.id)}
            onSelect={(on) => select(upload.id, on)}
            showFolder={!browsing}
            deleting={remove.isPending && remove.variables === upload.id}
            onShare={(one) => setSharing([one])}
            onDelete={(one) => window.confirm(`Delete “${one.name}”? This cannot be undone.`) && remove.mutate(one.id)}
          />
        ))}
      </ScrollTable>
      {uploads.length ? (
        <MoreLoader pages={{ ...pages, isError: pages.isFetchNextPageError }} shown={uploads.length} what="files" />
      ) : (
        <p className="muted">{emptyText(params, folders.length > 0)}</p>
      )}
      {sharing?.length === 1 && sharing[0].availability === "available" ? (
        <ShareDialog upload={sharing[0]} onClose={() => setSharing(null)} />
      ) : (
        sharing && <BulkShareDialog uploads={sharing} onClose={() => setSharing(null)} />
      )}
    </>
  );
}
