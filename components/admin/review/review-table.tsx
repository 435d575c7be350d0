"use client";

import type { RefObject } from "react";
import type { AdminUploadJson } from "@/lib/api-client/admin-api";
import { formatBytes } from "@/lib/format-bytes";
import type { ProcessingJson } from "@/lib/uploads/upload-json";
import { ProcessingStatus } from "../../processing/processing-status";
import { typeMismatchWarning } from "../../processing/processing-words";
import { ActionsCell } from "../../ui/actions-cell";
import { ErrorMessage } from "../../ui/error-message";
import { ScrollTable } from "../../ui/scroll-table";
import { SelectAll } from "../../ui/select-all";
import { DecisionButtons, type DecisionHandlers } from "./decision-buttons";
import { ReviewBadge } from "./review-badge";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** States worth a line in a row: a clean file, or one processed with scanning off, needs none. */
const noteworthy = (processing: ProcessingJson | null): processing is ProcessingJson => processing !== null && processing.state !== "clean" && processing.state !== "off";

function rowClass(upload: AdminUploadJson, activeId: string | null): string {
  const infected = upload.processing?.state === "infected" ? " review-row--infected" : "";
  return `review-row${upload.id === activeId ? " review-row--active" : ""}${infected}`;
}

interface Props extends Omit<DecisionHandlers, "busy"> {
  uploads: AdminUploadJson[];
  activeId: string | null;
  selected: ReadonlySet<string>;
  busy: ReadonlySet<string>;
  problems: ReadonlyMap<string, string>;
  /** The rows' elements by upload id, so the keyboard can move focus between them. */
  rowRefs: RefObject<Map<string, HTMLTableRowElement>>;
  onActivate: (id: string) => void;
  onToggle: (id: string) => void;
  onToggleAll: () => void;
  onPreview: (upload: AdminUploadJson) => void;
  onOwner: (ownerId: string) => void;
}

/** The declared type, and a warning when the bytes say otherwise. */
function TypeCell({ upload }: { upload: AdminUploadJson }) {
  const mismatch = typeMismatchWarning(upload);
  return (
    <td data-label="Type">
      {upload.contentType}
      {mismatch && <span className="table__sub warn-text">{mismatch}</span>}
    </td>
  );
}

/** The queue: one row per file, a checkbox to select it, and its decisions. */
export function ReviewTable({ uploads, activeId, selected, busy, problems, rowRefs, onActivate, onToggle, onToggleAll, onPreview, onOwner, onApprove, onReject }: Props) {
  return (
    <ScrollTable
      label="Files to review"
      className="review-table"
      caption="Files to review"
      lead={<SelectAll count={uploads.filter((upload) => selected.has(upload.id)).length} total={uploads.length} onToggleAll={onToggleAll} label="Select every file listed" />}
      columns={["Name", "Owner", "Size", "Type", "Uploaded", "Review"]}
    >
      {uploads.map((upload) => (
        <tr
          key={upload.id}
          ref={(row) => {
            if (row) rowRefs.current.set(upload.id, row);
            else rowRefs.current.delete(upload.id);
          }}
          tabIndex={-1}
          data-upload-id={upload.id}
          className={rowClass(upload, activeId)}
          aria-current={upload.id === activeId ? "true" : undefined}
          onFocus={() => onActivate(upload.id)}
        >
          <td className="table__select">
            <input type="checkbox" aria-label={`Select ${upload.name}`} checked={selected.has(upload.id)} onChange={() => onToggle(upload.id)} />
          </td>
          <th scope="row" className="table__name" title={upload.folder ? `${upload.folder}/${upload.name}` : upload.name}>
            {upload.name}
            {upload.folder && <span className="table__sub muted">in {upload.folder}</span>}
          </th>
          <td data-label="Owner">
            {upload.owner.name}
            <span className="table__sub muted">{upload.owner.email}</span>
            <button type="button" className="link-button table__sub" onClick={() => onOwner(upload.owner.id)} aria-label={`Only this owner: ${upload.owner.email}`}>
              Only this owner
            </button>
          </td>
          <td data-label="Size">{formatBytes(upload.size)}</td>
          <TypeCell upload={upload} />
          <td data-label="Uploaded">
            <time dateTime={upload.createdAt}>{dateFormat.format(new Date(upload.createdAt))}</time>
          </td>
          <td data-label="Review">
            <ReviewBadge upload={upload} />
            {noteworthy(upload.processing) && <ProcessingStatus processing={upload.processing} className="table__sub" />}
            <ErrorMessage message={problems.get(upload.id) ?? null} />
          </td>
          <ActionsCell>
            <button type="button" className="link-button" onClick={() => onPreview(upload)} aria-label={`Preview ${upload.name}`}>
              Preview
            </button>
            <DecisionButtons upload={upload} busy={busy.has(upload.id)} onApprove={onApprove} onReject={onReject} />
          </ActionsCell>
        </tr>
      ))}
    </ScrollTable>
  );
}
