import { STATUS_GROUP_NAME, statusGroup } from "@/lib/uploads/upload-groups";
import type { UploadJson } from "@/lib/uploads/upload-json";
import { formatBytes } from "@/lib/format-bytes";
import { Sha256Field } from "../processing/sha256-field";
import { Thumbnail } from "../processing/thumbnail";
import { FileChecks } from "./file-checks";
import { notShareable, RowActions, type RowActionHandlers } from "./row-actions";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** "Received via <label>", and " from <guest name>" when the guest gave one. */
export const receivedViaText = ({ label, guestName }: NonNullable<UploadJson["receivedVia"]>) => `Received via ${label}${guestName ? ` from ${guestName}` : ""}`;

/** What review made of a finished file, with the reviewer's note when it was rejected. */
function ReviewState({ upload }: { upload: UploadJson }) {
  if (upload.status !== "COMPLETE" || upload.review === "NONE") return null;
  if (upload.review === "PENDING") return <span className="table__sub muted">Waiting for review</span>;
  if (upload.review === "APPROVED") return <span className="table__sub review-state--approved">Approved</span>;
  return <span className="table__sub error-text">{upload.reviewNote ? `Rejected: ${upload.reviewNote}` : "Rejected"}</span>;
}

interface Props extends RowActionHandlers {
  upload: UploadJson;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  /** In search results the folder is part of the name: results come from every folder. */
  showFolder: boolean;
  deleting: boolean;
}

/** One of the owner's files: a table row, or a card on a phone (uploads.css). */
export function UploadRow({ upload, selected, onSelect, showFolder, deleting, ...actions }: Props) {
  const path = upload.folder ? `${upload.folder}/${upload.name}` : upload.name;
  const group = statusGroup(upload);
  return (
    <tr data-upload-id={upload.id} className={selected ? "files__row--selected" : undefined}>
      <td className="table__select">
        <input type="checkbox" checked={selected} onChange={(event) => onSelect(event.target.checked)} aria-label={`Select ${path}`} />
      </td>
      <th scope="row" className="table__name files__name" title={path}>
        {upload.processing?.thumbnailUrl && <Thumbnail url={upload.processing.thumbnailUrl} name={upload.name} />}
        {showFolder && upload.folder && <span className="muted">{upload.folder}/</span>}
        {upload.name}
        {upload.receivedVia && <span className="table__sub received-via">{receivedViaText(upload.receivedVia)}</span>}
      </th>
      <td data-label="Size">{formatBytes(upload.size)}</td>
      <td data-label="Status">
        <span className={`badge badge--${group.replace("_", "-")}`}>{STATUS_GROUP_NAME[group]}</span>
        <ReviewState upload={upload} />
        <FileChecks upload={upload} />
        {notShareable(upload) && <span className="table__sub muted">{notShareable(upload)}</span>}
      </td>
      <td data-label="SHA-256">{upload.processing?.sha256 ? <Sha256Field sha256={upload.processing.sha256} name={upload.name} /> : <span className="muted">—</span>}</td>
      <td data-label="Uploaded">{dateFormat.format(new Date(upload.completedAt ?? upload.createdAt))}</td>
      <RowActions upload={upload} deleting={deleting} {...actions} />
    </tr>
  );
}
