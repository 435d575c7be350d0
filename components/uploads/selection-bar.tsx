interface Props {
  selected: number;
  busy: boolean;
  onShare: () => void;
  onDelete: () => void;
  onClear: () => void;
}

/** What to do with the selected files: share, delete, or let go of them. The count is announced. */
export function SelectionBar({ selected, busy, onShare, onDelete, onClear }: Props) {
  return (
    <div className="bulk-bar" role="group" aria-label="Selection">
      <span role="status" className={selected ? undefined : "visually-hidden"}>
        {selected ? `${selected.toLocaleString()} selected` : "No file selected"}
      </span>
      {selected > 0 && (
        <>
          <button type="button" className="button button--secondary" onClick={onShare} disabled={busy}>
            Share selected…
          </button>
          <button type="button" className="button button--danger" onClick={onDelete} disabled={busy}>
            Delete selected…
          </button>
          <button type="button" className="link-button" onClick={onClear}>
            Clear selection
          </button>
        </>
      )}
    </div>
  );
}
