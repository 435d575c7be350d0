"use client";

import { skipToken, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { adminApi, type AdminUploadJson, type Decision, type UploadFilters } from "@/lib/api-client/admin-api";
import { describeUploadError } from "@/lib/upload-client/describe-error";
import { BulkResults } from "../../ui/bulk-results";
import { ErrorMessage } from "../../ui/error-message";
import { LoadMoreButton } from "../../ui/load-more-button";
import { useCursorPages } from "../../ui/use-cursor-pages";
import { NoteDialog } from "./note-dialog";
import { PreviewPanel } from "./preview-panel";
import { ReviewFilters } from "./review-filters";
import { ReviewTable } from "./review-table";
import { ShortcutsHelp } from "./shortcuts-help";
import { useReviewDecisions } from "./use-review-decisions";
import { useRescan } from "./use-rescan";
import { useReviewShortcuts } from "./use-review-shortcuts";

/**
 * The review queue: filters, the files a page at a time, selection, decisions, preview, shortcuts.
 * `uploadId` (from `?upload=`, as the stats page links a file) opens that file's preview, listed
 * among its owner's files of the same name.
 */
export function ReviewQueue({ uploadId }: { uploadId?: string }) {
  const [filters, setFilters] = useState<UploadFilters>({ review: "pending" });
  const queryKey = ["admin", "uploads", filters];
  const { query, items: uploads } = useCursorPages(queryKey, (cursor) => adminApi.listUploads(filters, cursor), {
    // Decisions patch the listed rows in place; refetching would drop decided files from a pending list under the admin's eyes.
    refetchOnWindowFocus: false,
  });

  const [activeId, setActiveId] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [previewId, setPreviewId] = useState<string | null>(null);
  // A rejection waiting for its note: one file (from its row or a key) or the selection (bulk route).
  const [rejecting, setRejecting] = useState<{ uploads: AdminUploadJson[]; bulk: boolean } | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const rowRefs = useRef(new Map<string, HTMLTableRowElement>());
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const decisions = useReviewDecisions(queryKey, setAnnouncement);

  const active = uploads.find((upload) => upload.id === activeId);
  const preview = uploads.find((upload) => upload.id === previewId);
  const chosen = uploads.filter((upload) => selected.has(upload.id));
  const rescans = useRescan(queryKey, preview, setAnnouncement);

  const linked = useQuery({ queryKey: ["admin", "upload", uploadId], queryFn: uploadId ? () => adminApi.getUpload(uploadId) : skipToken, staleTime: Infinity });
  const [linkOpened, setLinkOpened] = useState(false);
  if (linked.data && !linkOpened) {
    setLinkOpened(true);
    setFilters({ review: "all", owner: linked.data.owner.id, q: linked.data.name });
    setActiveId(linked.data.id);
    setPreviewId(linked.data.id);
  }

  useEffect(() => {
    if (previewId) previewHeading.current?.focus();
  }, [previewId]);

  function apply(next: UploadFilters) {
    setFilters(next);
    setSelected(new Set());
    setActiveId(null);
    setPreviewId(null);
    decisions.clearBulkLines();
  }

  function move(step: 1 | -1) {
    if (!uploads.length) return;
    const index = uploads.findIndex((upload) => upload.id === activeId);
    const next = uploads[index === -1 ? 0 : Math.min(uploads.length - 1, Math.max(0, index + step))];
    setActiveId(next.id);
    rowRefs.current.get(next.id)?.focus();
    setAnnouncement(`${next.name}, from ${next.owner.email}: file ${uploads.indexOf(next) + 1} of ${uploads.length}${query.hasNextPage ? " loaded" : ""}.`);
  }

  function toggle(id: string) {
    const next = new Set(selected);
    if (!next.delete(id)) next.add(id);
    setSelected(next);
    const upload = uploads.find((item) => item.id === id);
    if (upload) setAnnouncement(`${next.has(id) ? "Selected" : "Unselected"} “${upload.name}”; ${next.size} selected.`);
  }

  function openPreview(upload: AdminUploadJson) {
    setActiveId(upload.id);
    setPreviewId(upload.id);
    // Opening the same file again still brings focus to it.
    if (upload.id === previewId) previewHeading.current?.focus();
  }

  const approve = (upload: AdminUploadJson) => void decisions.decideOne(upload, "approve");
  /** The bulk route; decided files leave the selection, refused ones stay selected to try again. */
  async function decideSelected(uploads: AdminUploadJson[], decision: Decision, note?: string) {
    const done = await decisions.decideMany(uploads, decision, note);
    setSelected((current) => new Set([...current].filter((id) => !done.includes(id))));
  }
  const reject = (upload: AdminUploadJson) => setRejecting({ uploads: [upload], bulk: false });
  function rejectWithNote(note: string) {
    if (!rejecting) return;
    setRejecting(null);
    if (rejecting.bulk) void decideSelected(rejecting.uploads, "reject", note);
    else void decisions.decideOne(rejecting.uploads[0], "reject", note);
  }

  useReviewShortcuts(rejecting === null, {
    j: () => move(1),
    k: () => move(-1),
    a: () => active && approve(active),
    r: () => active && reject(active),
    o: () => active && openPreview(active),
    x: () => active && toggle(active.id),
    "?": () => setHelpOpen((open) => !open),
  });

  return (
    <div className="stack">
      <ReviewFilters applied={filters} onApply={apply} />
      {linked.isError && <ErrorMessage message={`The linked file could not be opened: ${describeUploadError(linked.error)}`} />}
      {linked.data && linked.data.status !== "COMPLETE" && (
        <p className="muted">
          The linked file, “{linked.data.name}”, is no longer stored ({linked.data.status.toLowerCase()}).
        </p>
      )}
      <ShortcutsHelp open={helpOpen} onToggle={setHelpOpen} />
      <p role="status" aria-live="polite" className="muted live-line">
        {announcement}
      </p>
      <div className="bulk-bar" role="group" aria-label="Selected files">
        <span>{chosen.length} selected</span>
        <button type="button" className="button" disabled={!chosen.length} onClick={() => void decideSelected(chosen, "approve")}>
          Approve selected
        </button>
        <button type="button" className="button button--danger" disabled={!chosen.length} onClick={() => setRejecting({ uploads: chosen, bulk: true })}>
          Reject selected
        </button>
        <button type="button" className="link-button" disabled={!chosen.length} onClick={() => setSelected(new Set())}>
          Clear selection
        </button>
      </div>
      {decisions.bulkLines && <BulkResults lines={decisions.bulkLines} onDismiss={decisions.clearBulkLines} />}
      {/* On a wide screen the preview stays beside the list while the reviewer moves through it. */}
      <div className={preview ? "review-layout review-layout--previewing" : "review-layout"}>
        <div className="stack">
          {query.isPending ? (
            <p aria-busy="true">Loading the queue…</p>
          ) : query.isError ? (
            <ErrorMessage message={`The queue could not be loaded: ${describeUploadError(query.error)}`} />
          ) : uploads.length ? (
            <ReviewTable
              uploads={uploads}
              activeId={activeId}
              selected={selected}
              busy={decisions.busy}
              problems={decisions.problems}
              rowRefs={rowRefs}
              onActivate={setActiveId}
              onToggle={toggle}
              onToggleAll={() => setSelected(chosen.length === uploads.length ? new Set() : new Set(uploads.map((upload) => upload.id)))}
              onPreview={openPreview}
              onOwner={(owner) => apply({ ...filters, owner })}
              onApprove={approve}
              onReject={reject}
            />
          ) : (
            <p className="muted">{filters.review === "pending" ? "Nothing waits for review. " : ""}No files match these filters.</p>
          )}
          <LoadMoreButton pages={query} />
        </div>
        {preview && (
          <PreviewPanel
            upload={preview}
            headingRef={previewHeading}
            busy={decisions.busy.has(preview.id)}
            problem={(rescans.problem?.id === preview.id ? rescans.problem.message : null) ?? decisions.problems.get(preview.id) ?? null}
            rescanning={rescans.busy === preview.id}
            onRescan={(upload) => void rescans.rescan(upload)}
            onApprove={approve}
            onReject={reject}
            onClose={() => {
              setPreviewId(null);
              rowRefs.current.get(preview.id)?.focus();
            }}
          />
        )}
      </div>
      {rejecting && (
        <NoteDialog
          subject={rejecting.bulk ? `${rejecting.uploads.length} selected files` : `“${rejecting.uploads[0].name}”`}
          onSubmit={rejectWithNote}
          onCancel={() => setRejecting(null)}
        />
      )}
    </div>
  );
}
