"use client";

import { useEffect, useRef } from "react";

interface Props {
  count: number;
  total: number;
  onToggleAll: () => void;
  /** What the box does, for screen readers ("Select every file listed"). */
  label: string;
}

/** A list's select-all box for a table's lead head: checked when all are selected, mixed when some are. */
export function SelectAll({ count, total, onToggleAll, label }: Props) {
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (box.current) box.current.indeterminate = count > 0 && count < total;
  }, [count, total]);
  // The words show only on a phone, where the column heads are gone and the box would stand alone.
  return (
    <label>
      <input ref={box} type="checkbox" aria-label={label} checked={total > 0 && count === total} onChange={onToggleAll} />
      <span className="table__lead-text">Select all</span>
    </label>
  );
}
