"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatBytes } from "@/lib/format-bytes";
import { uploadsApi } from "@/lib/api-client/uploads-api";
import { describeUploadError } from "@/lib/upload-client/describe-error";
import type { UploadJson } from "@/lib/uploads/upload-json";
import { OWNER_DOWNLOADABLE, type UploadAvailability } from "@/lib/uploads/upload-status";
import { ShareDialog } from "../links/share-dialog";
import { isChecking } from "../processing/processing-words";
import { Sha256Field } from "../processing/sha256-field";
import { Thumbnail } from "../processing/thumbnail";
import { ActionsCell } from "../ui/actions-cell";
import { ErrorMessage } from "../ui/error-message";
import { LoadMoreButton } from "../ui/load-more-button";
import { TableHead } from "../ui/table-head";
import { useCursorPages } from "../ui/use-cursor-pages";
import { FileChecks } from "./file-checks";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** Why a finished file has no Share button. */
const NOT_SHAREABLE: Partial<Record<UploadAvailability, string>> = {
  pending_review: "Shareable once approved",
  processing: "Shareable once checked",
  scan_failed: "Cannot be shared: the virus scan failed",
  rejected: "Cannot be shared",
  infected: "Cannot be shared or downloaded",
};

/** While a file is being checked the list is read again every 1.5 s, so its state, thumbnail and Share button appear by themselves. */
const refetchWhileChecking = (pages: Array<{ items: UploadJson[] }>) => (pages.some((page) => page.items.some((upload) => isChecking(upload.processing))) ? 1500 : false);

/** What review made of a finished file, with the reviewer's note when it was rejected. */
function ReviewState({ upload }: { upload: UploadJson }) {
  if (upload.status !== "COMPLETE" || upload.review === "NONE") return null;
  if (upload.review === "PENDING") return <span className="table__sub muted">Waiting for review</span>;
  if (upload.review === "APPROVED") return <span className="table__sub review-state--approved">Approved</span>;
  return <span className="table__sub error-text">{upload.reviewNote ? `Rejected: ${upload.reviewNote}` : "Rejected"}</span>;
}

/** The signed-in user's uploads, newest first, loaded a page at a time. */
export function UploadsTable() {
  const queryClient = useQueryClient();
  const { query, items: uploads } = useCursorPages(["uploads"], uploadsApi.listUploads, { refetchInterval: refetchWhileChecking });
  const [sharing, setSharing] = useState<UploadJson | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => uploadsApi.deleteUpload(id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["uploads"] }),
  });

  if (query.isPending) return <p aria-busy="true">Loading your files…</p>;
  if (query.isError) return <ErrorMessage message={`Your files could not be loaded: ${describeUploadError(query.error)}`} />;
  if (!uploads.length) return <p className="muted">No files yet. Drop some above.</p>;

  return (
    <>
      <ErrorMessage message={remove.isError ? `Could not delete: ${describeUploadError(remove.error)}` : null} />
      <div className="table-scroll">
        <table className="table">
          <TableHead caption="Your files" columns={["Name", "Size", "Status", "SHA-256", "Uploaded"]} />
          <tbody>
            {uploads.map((upload) => {
              const availability = upload.availability;
              return (
                <tr key={upload.id} data-upload-id={upload.id}>
                  <th scope="row" className="table__name" title={upload.folder ? `${upload.folder}/${upload.name}` : upload.name}>
                    {upload.processing?.thumbnailUrl && <Thumbnail url={upload.processing.thumbnailUrl} name={upload.name} />}
                    {upload.folder && <span className="muted">{upload.folder}/</span>}
                    {upload.name}
                  </th>
                  <td>{formatBytes(upload.size)}</td>
                  <td>
                    <span className={`badge badge--${upload.status.toLowerCase()}`}>{upload.status.toLowerCase()}</span>
                    <ReviewState upload={upload} />
                    <FileChecks upload={upload} />
                  </td>
                  <td>{upload.processing?.sha256 ? <Sha256Field sha256={upload.processing.sha256} name={upload.name} /> : <span className="muted">—</span>}</td>
                  <td>{dateFormat.format(new Date(upload.completedAt ?? upload.createdAt))}</td>
                  <ActionsCell>
                    {OWNER_DOWNLOADABLE.includes(availability) && (
                      // The API answers with a redirect to a 60-second presigned GET that downloads.
                      <a href={`/api/uploads/${upload.id}/download`} aria-label={`Download ${upload.name}`}>
                        Download
                      </a>
                    )}
                    {availability === "available" && (
                      <button type="button" className="link-button" onClick={() => setSharing(upload)} aria-label={`Share ${upload.name}`}>
                        Share
                      </button>
                    )}
                    {NOT_SHAREABLE[availability] && <span className="muted">{NOT_SHAREABLE[availability]}</span>}
                    <button
                      type="button"
                      className="link-button danger"
                      disabled={remove.isPending && remove.variables === upload.id}
                      onClick={() => window.confirm(`Delete “${upload.name}”? This cannot be undone.`) && remove.mutate(upload.id)}
                      aria-label={`Delete ${upload.name}`}
                    >
                      Delete
                    </button>
                  </ActionsCell>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {sharing && <ShareDialog upload={sharing} onClose={() => setSharing(null)} />}
      <LoadMoreButton pages={query} label="Show more" />
    </>
  );
}
