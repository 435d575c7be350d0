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

/**
 * A data table in a named region. On a phone its rows become cards (`table--cards`, each cell
 * under its `data-label`); a wider table than the screen scrolls sideways on its own, never the page.
 */
export function ScrollTable({ label, className, focusable = false, children, ...head }: Props) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={focusable ? 0 : undefined}>
      <table className={className ? `table table--cards ${className}` : "table table--cards"}>
        <TableHead {...head} />
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
