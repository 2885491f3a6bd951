import type { ReactNode } from 'react';
import './table.css';

/**
 * A table of records, as the workspace pages show them: a caption (for
 * screen readers only unless `showCaption`), one header row, then the rows
 * (`children`: `<tr>`s whose first cell is a `<th scope="row">`). With
 * `actionsLabel`, the last column holds each row's actions (`ActionsCell`),
 * its header named for screen readers only.
 */
export function DataTable({
  caption,
  showCaption = false,
  columns,
  actionsLabel,
  className,
  children,
}: {
  caption: string;
  showCaption?: boolean;
  columns: readonly ReactNode[];
  actionsLabel?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <table className={['ui-table', className].filter(Boolean).join(' ')}>
      <caption className={showCaption ? 'ui-table__caption' : 'visually-hidden'}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column, i) => (
            <th key={i} scope="col">
              {column}
            </th>
          ))}
          {actionsLabel !== undefined && (
            <th scope="col">
              <span className="visually-hidden">{actionsLabel}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/** The cell of a row's actions (icon buttons side by side); empty when the row has none. */
export function ActionsCell({ children }: { children?: ReactNode }) {
  return <td className={children ? 'ui-table__actions' : undefined}>{children}</td>;
}
