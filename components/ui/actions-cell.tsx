import type { ReactNode } from "react";

/** A row's last cell, under TableHead's "Actions" column: its links and buttons side by side. */
export function ActionsCell({ children }: { children: ReactNode }) {
  return (
    <td>
      {/* The flex box goes inside the cell: a cell that is itself a flex box is no longer laid out as a cell. */}
      <div className="table__actions">{children}</div>
    </td>
  );
}
