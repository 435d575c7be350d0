import type { ReactNode } from "react";

export interface TableHeadProps {
  caption: string;
  columns: string[];
  /** A first head that is not a name, such as a select-all checkbox over a column of checkboxes. */
  lead?: ReactNode;
  /** Whether the last, unnamed column holds row actions; read-only tables have none. */
  actions?: boolean;
}

/** A data table's hidden caption and column heads. */
export function TableHead({ caption, columns, lead, actions = true }: TableHeadProps) {
  return (
    <>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {lead != null && (
            <th scope="col" className="table__lead">
              {lead}
            </th>
          )}
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
          {actions && (
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          )}
        </tr>
      </thead>
    </>
  );
}
