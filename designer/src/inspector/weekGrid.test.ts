import { describe, expect, it } from 'vitest';
import type { WeeklyRange } from '@callbot/shared';
import {
  SLOTS_PER_DAY,
  emptyGrid,
  fitsGrid,
  gridFromRanges,
  paintRect,
  rangesFromGrid,
  sameGrid,
  slotEnd,
  slotStart,
  toggleCell,
} from './weekGrid.ts';

const officeHours: WeeklyRange[] = [
  { day: 'mon', start: '09:00', end: '18:00' },
  { day: 'tue', start: '09:00', end: '12:00' },
  { day: 'tue', start: '13:30', end: '18:00' },
  { day: 'sat', start: '09:00', end: '13:00' },
];

describe('weekGrid', () => {
  it('has 7 rows of 48 half hours', () => {
    const grid = emptyGrid();
    expect(grid).toHaveLength(7);
    expect(grid.every((row) => row.length === SLOTS_PER_DAY)).toBe(true);
    expect(SLOTS_PER_DAY).toBe(48);
    expect([slotStart(19), slotEnd(19), slotEnd(47)]).toEqual(['09:30', '10:00', '24:00']);
  });

  it('round-trips ranges on half hours, Monday first and in time order', () => {
    expect(rangesFromGrid(gridFromRanges(officeHours))).toEqual(officeHours);
    const shuffled = [officeHours[3]!, officeHours[2]!, officeHours[0]!, officeHours[1]!];
    expect(rangesFromGrid(gridFromRanges(shuffled))).toEqual(officeHours);
  });

  it('round-trips any grid', () => {
    let grid = emptyGrid();
    for (const [day, slot] of [
      [0, 0],
      [0, 47],
      [3, 10],
      [3, 11],
      [6, 20],
    ] as const) {
      grid = toggleCell(grid, { day, slot });
    }
    expect(sameGrid(gridFromRanges(rangesFromGrid(grid)), grid)).toBe(true);
  });

  it('merges adjacent cells into one range', () => {
    const grid = paintRect(emptyGrid(), { day: 0, slot: 18 }, { day: 0, slot: 35 }, true);
    expect(rangesFromGrid(grid)).toEqual([{ day: 'mon', start: '09:00', end: '18:00' }]);
  });

  it('merges adjacent and overlapping input ranges', () => {
    const weekly: WeeklyRange[] = [
      { day: 'wed', start: '09:00', end: '12:00' },
      { day: 'wed', start: '12:00', end: '14:00' },
      { day: 'wed', start: '10:00', end: '11:00' },
      { day: 'wed', start: '13:00', end: '15:30' },
    ];
    expect(rangesFromGrid(gridFromRanges(weekly))).toEqual([
      { day: 'wed', start: '09:00', end: '15:30' },
    ]);
  });

  it('closes a range that runs to midnight at 24:00, and reads 24:00 back', () => {
    const grid = paintRect(emptyGrid(), { day: 4, slot: 44 }, { day: 6, slot: 47 }, true);
    expect(rangesFromGrid(grid)).toEqual([
      { day: 'fri', start: '22:00', end: '24:00' },
      { day: 'sat', start: '22:00', end: '24:00' },
      { day: 'sun', start: '22:00', end: '24:00' },
    ]);
    const allDay: WeeklyRange[] = [{ day: 'sun', start: '00:00', end: '24:00' }];
    expect(gridFromRanges(allDay)[6]!.every(Boolean)).toBe(true);
    expect(rangesFromGrid(gridFromRanges(allDay))).toEqual(allDay);
  });

  it('paints a rectangle whichever corner it starts from, and erases', () => {
    const open = paintRect(emptyGrid(), { day: 4, slot: 35 }, { day: 0, slot: 18 }, true);
    expect(rangesFromGrid(open)).toEqual(
      (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({
        day,
        start: '09:00',
        end: '18:00',
      })),
    );
    const lunch = paintRect(open, { day: 0, slot: 24 }, { day: 4, slot: 25 }, false);
    expect(rangesFromGrid(lunch).filter((r) => r.day === 'mon')).toEqual([
      { day: 'mon', start: '09:00', end: '12:00' },
      { day: 'mon', start: '13:00', end: '18:00' },
    ]);
  });

  it('ignores empty ranges, and rounds ranges off the half hours to the cells they mostly cover', () => {
    expect(rangesFromGrid(gridFromRanges([{ day: 'mon', start: '18:00', end: '09:00' }]))).toEqual(
      [],
    );
    const offGrid: WeeklyRange[] = [{ day: 'thu', start: '09:15', end: '17:50' }];
    expect(fitsGrid(offGrid)).toBe(false);
    expect(fitsGrid(officeHours)).toBe(true);
    expect(rangesFromGrid(gridFromRanges(offGrid))).toEqual([
      { day: 'thu', start: '09:00', end: '18:00' },
    ]);
    expect(rangesFromGrid(gridFromRanges([{ day: 'thu', start: '09:20', end: '17:40' }]))).toEqual([
      { day: 'thu', start: '09:30', end: '17:30' },
    ]);
  });
});
