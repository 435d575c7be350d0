"use client";

import { useEffect, useRef } from "react";

interface Props {
  shown: number;
  selected: number;
  busy: boolean;
  onSelectAll: (all: boolean) => void;
  onShare: () => void;
  onDelete: () => void;
  onClear: () => void;
}

/** Select every file shown, and what to do with the selection: share, delete, or let go of it. */
export function SelectionBar({ shown, selected, busy, onSelectAll, onShare, onDelete, onClear }: Props) {
  const all = useRef<HTMLInputElement>(null);
  const every = shown > 0 && selected === shown;
  useEffect(() => {
    if (all.current) all.current.indeterminate = selected > 0 && !every;
  }, [selected, every]);
  if (!shown) return null;
  return (
    <div className="bulk-bar selection-bar" role="group" aria-label="Selection">
      <label className="check">
        <input ref={all} type="checkbox" checked={every} onChange={(event) => onSelectAll(event.target.checked)} />
        Select all {shown.toLocaleString()} shown
      </label>
      <span role="status" className="muted">
        {selected ? `${selected.toLocaleString()} selected` : ""}
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
