"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatBytes } from "@/lib/format-bytes";
import { uploadsApi } from "@/lib/api-client/uploads-api";
import { describeUploadError } from "@/lib/upload-client/describe-error";
import type { UploadJson } from "@/lib/uploads/serialize-upload";
import { uploadAvailability } from "@/lib/uploads/upload-status";
import { ShareDialog } from "../links/share-dialog";
import { ActionsCell } from "../ui/actions-cell";
import { ErrorMessage } from "../ui/error-message";
import { LoadMoreButton } from "../ui/load-more-button";
import { TableHead } from "../ui/table-head";
import { useCursorPages } from "../ui/use-cursor-pages";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

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
  const { query, items: uploads } = useCursorPages(["uploads"], uploadsApi.listUploads);
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
          <TableHead caption="Your files" columns={["Name", "Size", "Status", "Uploaded"]} />
          <tbody>
            {uploads.map((upload) => {
              const availability = uploadAvailability(upload);
              return (
                <tr key={upload.id} data-upload-id={upload.id}>
                  <th scope="row" className="table__name" title={upload.folder ? `${upload.folder}/${upload.name}` : upload.name}>
                    {upload.folder && <span className="muted">{upload.folder}/</span>}
                    {upload.name}
                  </th>
                  <td>{formatBytes(upload.size)}</td>
                  <td>
                    <span className={`badge badge--${upload.status.toLowerCase()}`}>{upload.status.toLowerCase()}</span>
                    <ReviewState upload={upload} />
                  </td>
                  <td>{dateFormat.format(new Date(upload.completedAt ?? upload.createdAt))}</td>
                  <ActionsCell>
                    {(availability === "available" || availability === "pending_review") && (
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
                    {availability === "pending_review" && <span className="muted">Shareable once approved</span>}
                    {availability === "rejected" && <span className="muted">Cannot be shared</span>}
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
