import { weekdays, type Weekday, type WeeklyRange } from '@callbot/shared';

/** Minutes in one cell of the week grid. */
export const SLOT_MINUTES = 30;
/** Cells in one day: 48 half hours. */
export const SLOTS_PER_DAY = (24 * 60) / SLOT_MINUTES;

/**
 * Opening hours as the inspector paints them: one row per weekday (Monday
 * first, as `weekdays`), one cell per half hour, `true` when open.
 */
export type WeekGrid = readonly (readonly boolean[])[];

/** One cell of the grid: a row (index in `weekdays`) and a half hour of that day. */
export interface GridCell {
  day: number;
  slot: number;
}

/** A grid with every cell closed. */
export function emptyGrid(): WeekGrid {
  return weekdays.map(() => Array.from({ length: SLOTS_PER_DAY }, () => false));
}

/** `HH:MM` to minutes since midnight; `24:00` is 1440. */
export function minutesOf(time: string): number {
  const [h = '0', m = '0'] = time.split(':');
  return Number(h) * 60 + Number(m);
}

/** Minutes since midnight to `HH:MM`; 1440 is `24:00`. */
export function timeOf(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** The clock time a cell starts at, e.g. slot 19 is `09:30`. */
export const slotStart = (slot: number): string => timeOf(slot * SLOT_MINUTES);
/** The clock time a cell ends at, e.g. slot 47 ends at `24:00`. */
export const slotEnd = (slot: number): string => timeOf((slot + 1) * SLOT_MINUTES);

/**
 * Paints weekly ranges on the grid. Ranges may overlap, come in any order or
 * be empty (ending before they start: ignored, validation reports them). A
 * range off the half hours, such as 09:15-17:50, opens the cells it covers
 * for at least half of their length.
 */
export function gridFromRanges(weekly: readonly WeeklyRange[]): WeekGrid {
  const open = weekdays.map(() => new Uint8Array(24 * 60));
  for (const range of weekly) {
    const row = open[weekdays.indexOf(range.day)];
    if (!row) continue;
    const start = Math.max(0, minutesOf(range.start));
    const end = Math.min(24 * 60, minutesOf(range.end));
    row.fill(1, start, Math.max(start, end));
  }
  return open.map((minutes) =>
    Array.from({ length: SLOTS_PER_DAY }, (_, slot) => {
      let covered = 0;
      for (let m = slot * SLOT_MINUTES; m < (slot + 1) * SLOT_MINUTES; m++) covered += minutes[m]!;
      return covered * 2 >= SLOT_MINUTES;
    }),
  );
}

/**
 * The grid as weekly ranges: one range per run of open cells, Monday first,
 * each day in time order, a run to the end of the day closing at `24:00`.
 */
export function rangesFromGrid(grid: WeekGrid): WeeklyRange[] {
  const out: WeeklyRange[] = [];
  weekdays.forEach((day: Weekday, d) => {
    const row = grid[d] ?? [];
    let start: number | null = null;
    for (let slot = 0; slot <= SLOTS_PER_DAY; slot++) {
      const open = slot < SLOTS_PER_DAY && row[slot] === true;
      if (open && start === null) start = slot;
      if (!open && start !== null) {
        out.push({ day, start: slotStart(start), end: slotStart(slot) });
        start = null;
      }
    }
  });
  return out;
}

/**
 * Whether the grid can show these ranges exactly: every start and end on a
 * half hour. When not, painting rewrites them rounded to the grid.
 */
export function fitsGrid(weekly: readonly WeeklyRange[]): boolean {
  return weekly.every(
    (r) => minutesOf(r.start) % SLOT_MINUTES === 0 && minutesOf(r.end) % SLOT_MINUTES === 0,
  );
}

/** The grid with every cell of the rectangle between two corners set to `open`. */
export function paintRect(grid: WeekGrid, from: GridCell, to: GridCell, open: boolean): WeekGrid {
  const [d0, d1] = [Math.min(from.day, to.day), Math.max(from.day, to.day)];
  const [s0, s1] = [Math.min(from.slot, to.slot), Math.max(from.slot, to.slot)];
  return grid.map((row, d) =>
    d < d0 || d > d1 ? row : row.map((cell, s) => (s >= s0 && s <= s1 ? open : cell)),
  );
}

/** Whether a cell is open. */
export const isOpen = (grid: WeekGrid, cell: GridCell): boolean =>
  grid[cell.day]?.[cell.slot] === true;

/** The grid with one cell flipped. */
export const toggleCell = (grid: WeekGrid, cell: GridCell): WeekGrid =>
  paintRect(grid, cell, cell, !isOpen(grid, cell));

/** Whether two grids open the same cells. */
export const sameGrid = (a: WeekGrid, b: WeekGrid): boolean =>
  a.every((row, d) => row.every((cell, s) => cell === b[d]?.[s]));
