import type { ReactNode } from "react";
import { TableHead, type TableHeadProps } from "./table-head";

interface Props extends TableHeadProps {
  /** The name of the region, so screen readers can find the table and scroll to it. */
  label: string;
  /** Classes added to the table's own `table`. */
  className?: string;
  /** Puts the region in the tab order, so the keyboard alone can scroll a wide table sideways. */
  focusable?: boolean;
  /** The rows. */
  children: ReactNode;
}

/** A data table in a named region that scrolls sideways on its own, so a narrow screen does not scroll the whole page. */
export function ScrollTable({ label, className, focusable = false, children, ...head }: Props) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={focusable ? 0 : undefined}>
      <table className={className ? `table ${className}` : "table"}>
        <TableHead {...head} />
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
