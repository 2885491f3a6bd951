import { weekdays, type WeeklyRange } from '@callbot/shared';
import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import { i18n, type Translate } from '../i18n/index.ts';
import {
  SLOTS_PER_DAY,
  gridFromRanges,
  isOpen,
  paintRect,
  rangesFromGrid,
  sameGrid,
  slotEnd,
  slotStart,
  toggleCell,
  type GridCell,
  type WeekGrid,
} from './weekGrid.ts';

/** A day of the grid (0 is Monday) by its name in the UI language. */
const dayName = (day: number, t: Translate) => t(`days.long.${weekdays[day]!}`);
const shortDayName = (day: number, t: Translate) => t(`days.short.${weekdays[day]!}`);
/** Hour labels beside the grid, every two hours. */
const HOURS_PER_LABEL = 2;
const SLOTS_PER_HOUR = SLOTS_PER_DAY / 24;

/** The accessible name of a cell, e.g. "Monday 09:00 to 09:30". */
export const cellName = (cell: GridCell, t: Translate = i18n.t) =>
  t('weekGrid.cell', {
    day: dayName(cell.day, t),
    start: slotStart(cell.slot),
    end: slotEnd(cell.slot),
  });

/** A drag in progress: the rectangle between two cells, painted open or closed. */
interface Stroke {
  from: GridCell;
  to: GridCell;
  open: boolean;
}

function cellOf(target: EventTarget | null): GridCell | null {
  const td = target instanceof Element ? target.closest<HTMLElement>('[data-slot]') : null;
  if (!td) return null;
  return { day: Number(td.dataset.day), slot: Number(td.dataset.slot) };
}

/** Inside a disabled fieldset (a read-only page or inspector), the grid is shown, not changed, like the fields around it. */
const disabledAt = (target: EventTarget) =>
  target instanceof Element && target.closest('fieldset:disabled') !== null;

const sameCell = (a: GridCell, b: GridCell) => a.day === b.day && a.slot === b.slot;

const clamp = (n: number, max: number) => Math.min(Math.max(n, 0), max);

function moved(cell: GridCell, key: string): GridCell | null {
  switch (key) {
    // Days are columns, half hours rows.
    case 'ArrowUp':
      return { ...cell, slot: clamp(cell.slot - 1, SLOTS_PER_DAY - 1) };
    case 'ArrowDown':
      return { ...cell, slot: clamp(cell.slot + 1, SLOTS_PER_DAY - 1) };
    case 'ArrowLeft':
      return { ...cell, day: clamp(cell.day - 1, weekdays.length - 1) };
    case 'ArrowRight':
      return { ...cell, day: clamp(cell.day + 1, weekdays.length - 1) };
    case 'Home':
      return { ...cell, slot: 0 };
    case 'End':
      return { ...cell, slot: SLOTS_PER_DAY - 1 };
    default:
      return null;
  }
}

/** One line per day: "Mon 09:00–12:00, 13:00–18:00" or "Sun closed". */
function summary(weekly: readonly WeeklyRange[], t: Translate): string[] {
  return weekdays.map((day, d) => {
    const ranges = weekly.filter((r) => r.day === day);
    return `${shortDayName(d, t)} ${
      ranges.length === 0
        ? t('weekGrid.closed')
        : ranges.map((r) => `${r.start}–${r.end}`).join(', ')
    }`;
  });
}

export interface WeekGridEditorProps {
  weekly: readonly WeeklyRange[];
  /** Called once per finished stroke or key press, with the grid as merged ranges. */
  onChange: (weekly: WeeklyRange[]) => void;
  /** Ids of notes about the opening hours (diagnostics), read with the grid. */
  describedBy?: string;
}

/**
 * Weekly opening hours painted on a week grid: a column per day, a row per
 * half hour (so cells are wide enough to aim at in a side panel), open
 * cells coloured like a heat map. A drag paints the rectangle between where
 * it started and where it is, open, or closed when it started on an open
 * cell; the whole drag is one command. Keyboard: arrow keys, Home and End move,
 * Space or Enter switches a half hour, and Shift with them paints the rectangle
 * from where Shift went down, as a drag does (one command when Shift is
 * released or the grid loses focus; Escape drops it). Inside a disabled
 * fieldset it only shows the hours (arrow keys still move).
 */
export function WeekGridEditor({ weekly, onChange, describedBy }: WeekGridEditorProps) {
  const { t } = useTranslation();
  const helpId = useId();
  const tableRef = useRef<HTMLTableElement>(null);
  const grid = useMemo(() => gridFromRanges(weekly), [weekly]);
  // The stroke is read by window listeners between renders, so its latest
  // value lives in a ref; the state only redraws the grid.
  const [stroke, setStroke] = useState<Stroke | null>(null);
  const strokeRef = useRef<Stroke | null>(null);
  const stopListening = useRef<(() => void) | null>(null);
  const [focus, setFocus] = useState<GridCell>(() => firstOpenCell(grid));
  const shown = stroke ? paintRect(grid, stroke.from, stroke.to, stroke.open) : grid;
  const summaryLines = useMemo(() => summary(rangesFromGrid(shown), t), [shown, t]);

  const updateStroke = (next: Stroke | null) => {
    strokeRef.current = next;
    setStroke(next);
  };

  // A stroke left unfinished by an unmount must not leave listeners behind.
  useEffect(() => () => stopListening.current?.(), []);

  /** Ends the stroke in progress: one change to the hours, or none when `commit` is false. */
  const finishStroke = (commit: boolean) => {
    const done = strokeRef.current;
    updateStroke(null);
    if (!commit || !done) return;
    const next = paintRect(grid, done.from, done.to, done.open);
    if (!sameGrid(next, grid)) onChange(rangesFromGrid(next));
  };

  const onPointerDown = (event: PointerEvent) => {
    const cell = cellOf(event.target);
    if (!cell || event.button !== 0 || disabledAt(event.currentTarget)) return;
    event.preventDefault();
    // Touch captures the pointer to the first cell; release it so the cells
    // under the finger receive `pointerover` as it moves.
    const target = event.target as HTMLElement;
    if (target.hasPointerCapture?.(event.pointerId)) target.releasePointerCapture(event.pointerId);
    target.focus();
    setFocus(cell);
    updateStroke({ from: cell, to: cell, open: !isOpen(grid, cell) });

    // The stroke ends wherever the pointer is released, inside the grid or not;
    // the listeners are added now, not in an effect, so no release is missed.
    stopListening.current?.();
    const finish = (commit: boolean) => {
      stopListening.current?.();
      finishStroke(commit);
    };
    const up = () => finish(true);
    const cancel = () => finish(false);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', cancel);
    stopListening.current = () => {
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', cancel);
      stopListening.current = null;
    };
  };

  const onPointerOver = (event: PointerEvent) => {
    const current = strokeRef.current;
    if (!current) return;
    const cell = cellOf(event.target);
    if (cell && !sameCell(cell, current.to)) updateStroke({ ...current, to: cell });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && strokeRef.current) {
      event.preventDefault();
      event.stopPropagation();
      finishStroke(false);
      return;
    }
    if (
      disabledAt(event.currentTarget) &&
      (event.shiftKey || event.key === ' ' || event.key === 'Enter')
    )
      return;
    if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      onChange(rangesFromGrid(toggleCell(grid, focus)));
      return;
    }
    const next = moved(focus, event.key);
    if (!next) return;
    event.preventDefault();
    if (event.shiftKey) {
      // Shift + move paints like a drag from the cell where Shift went down.
      const current = strokeRef.current;
      updateStroke(
        current ? { ...current, to: next } : { from: focus, to: next, open: !isOpen(grid, focus) },
      );
    }
    setFocus(next);
    tableRef.current
      ?.querySelector<HTMLElement>(`[data-day="${next.day}"][data-slot="${next.slot}"]`)
      ?.focus();
  };

  const labelSlots = HOURS_PER_LABEL * SLOTS_PER_HOUR;
  const slots = Array.from({ length: SLOTS_PER_DAY }, (_, slot) => slot);
  return (
    <div className="week-grid">
      <p id={helpId} className="field__hint">
        {t('weekGrid.help')}
      </p>
      <table
        ref={tableRef}
        role="grid"
        aria-label={t('weekGrid.label')}
        aria-describedby={[helpId, describedBy].filter(Boolean).join(' ')}
        className={`week-grid__table${stroke ? ' week-grid__table--painting' : ''}`}
        onPointerDown={onPointerDown}
        onPointerOver={onPointerOver}
        onKeyDown={onKeyDown}
        onKeyUp={(event) => {
          if (event.key === 'Shift' && strokeRef.current && !stopListening.current)
            finishStroke(true);
        }}
        onBlur={(event) => {
          const leaving = !event.currentTarget.contains(event.relatedTarget);
          if (leaving && strokeRef.current && !stopListening.current) finishStroke(true);
        }}
        onFocus={(event) => {
          const cell = cellOf(event.target);
          if (cell && !sameCell(cell, focus)) setFocus(cell);
        }}
      >
        <thead>
          <tr>
            <td className="week-grid__corner" />
            {weekdays.map((day, d) => (
              <th key={day} scope="col" className="week-grid__day" abbr={dayName(d, t)}>
                {shortDayName(d, t)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {slots.map((slot) => (
            <tr
              key={slot}
              className={slot % SLOTS_PER_HOUR === 0 ? 'week-grid__row--hour' : undefined}
            >
              <th scope="row" className="week-grid__hour">
                <span className={slot % labelSlots === 0 ? undefined : 'visually-hidden'}>
                  {slotStart(slot)}
                </span>
              </th>
              {shown.map((row, day) => {
                const cell = { day, slot };
                const open = row[slot]!;
                return (
                  <td
                    key={day}
                    role="gridcell"
                    data-day={day}
                    data-slot={slot}
                    aria-selected={open}
                    aria-label={cellName(cell, t)}
                    tabIndex={sameCell(cell, focus) ? 0 : -1}
                    className={open ? 'week-grid__cell week-grid__cell--open' : 'week-grid__cell'}
                  />
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="week-grid__summary" aria-label={t('weekGrid.summary')}>
        {summaryLines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}

function firstOpenCell(grid: WeekGrid): GridCell {
  for (let day = 0; day < grid.length; day++) {
    const slot = grid[day]!.indexOf(true);
    if (slot >= 0) return { day, slot };
  }
  return { day: 0, slot: 18 };
}
