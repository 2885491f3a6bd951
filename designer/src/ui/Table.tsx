import type { ReactNode } from 'react';
import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import './table.css';

/**
 * A column given more than its header: `numeric` right-aligns it (its cells
 * take `numericCell`); `sort` makes its header a button that sorts by it,
 * marking the column the rows are sorted by (`aria-sort` and an arrow).
 */
export interface Column {
  header: string;
  numeric?: boolean;
  sort?: {
    /** The button's accessible name ("Sort by Duration"). */
    label: string;
    /** How the rows are sorted by this column now, if they are. */
    order: 'ascending' | 'descending' | null;
    onSort: () => void;
  };
}

const isColumn = (column: ReactNode | Column): column is Column =>
  typeof column === 'object' && column !== null && 'header' in column;

/** The class of a right-aligned cell of numbers (durations, costs), in a `numeric` column. */
export const numericCell = 'ui-table__number';

function HeaderCell({ column }: { column: ReactNode | Column }) {
  if (!isColumn(column)) return <th scope="col">{column}</th>;
  const { header, numeric, sort } = column;
  const Arrow =
    sort?.order === 'ascending' ? ArrowUp : sort?.order === 'descending' ? ArrowDown : ArrowUpDown;
  return (
    <th
      scope="col"
      className={numeric ? numericCell : undefined}
      aria-sort={sort?.order ?? undefined}
    >
      {sort ? (
        <button
          type="button"
          className={sort.order ? 'ui-table__sort ui-table__sort--active' : 'ui-table__sort'}
          aria-label={sort.label}
          onClick={sort.onSort}
        >
          {header}
          <Arrow aria-hidden="true" size={14} />
        </button>
      ) : (
        header
      )}
    </th>
  );
}

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
  /** Each column's header: its text, or a `Column` (numbers, sorting). */
  columns: readonly (ReactNode | Column)[];
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
            <HeaderCell key={i} column={column} />
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

/**
 * The cell of a row's actions (icon buttons side by side), a table cell like
 * the others whatever it holds: empty when the row has none, or when the
 * role may not act (`EditOnly` renders nothing).
 */
export function ActionsCell({ children }: { children?: ReactNode }) {
  return (
    <td>
      <div className="ui-table__actions">{children}</div>
    </td>
  );
}

/**
 * What shows in a table's place when it has no rows: an icon, what is
 * (not) there, and what to do next (`children`: a hint, a button).
 */
export function EmptyTable({
  icon,
  title,
  live,
  children,
}: {
  icon: ReactNode;
  title: string;
  /** Said aloud when it appears (a list that filters can empty), as a status. */
  live?: boolean;
  children?: ReactNode;
}) {
  return (
    <div className="ui-empty" role={live ? 'status' : undefined}>
      <span className="ui-empty__icon" aria-hidden="true">
        {icon}
      </span>
      <p className="ui-empty__title">{title}</p>
      {children}
    </div>
  );
}
