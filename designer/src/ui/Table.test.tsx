import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ActionsCell, DataTable, EmptyTable, numericCell } from './Table.tsx';

describe('DataTable', () => {
  it('names the table, its columns and the actions column, and keeps an empty actions cell plain', () => {
    render(
      <DataTable caption="Teams" columns={['Name', 'Agents']} actionsLabel="Actions">
        <tr>
          <th scope="row">Vendas</th>
          <td>3</td>
          <ActionsCell>
            <button type="button">Rename Vendas</button>
          </ActionsCell>
        </tr>
        <tr>
          <th scope="row">Suporte</th>
          <td>1</td>
          <ActionsCell>{false}</ActionsCell>
        </tr>
      </DataTable>,
    );
    const table = screen.getByRole('table', { name: 'Teams' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Name', 'Agents', 'Actions']);
    const vendas = within(table).getByRole('row', { name: /Vendas/ });
    expect(within(vendas).getByRole('rowheader').textContent).toBe('Vendas');
    expect(
      within(vendas).getByRole('button', { name: 'Rename Vendas' }).parentElement?.className,
    ).toBe('ui-table__actions');
    // A row with no actions keeps its last cell, empty: the columns still line up.
    const suporte = within(table).getByRole('row', { name: /Suporte/ });
    expect(within(suporte).getAllByRole('cell')).toHaveLength(2);
    expect(within(suporte).getAllByRole('cell').at(-1)?.textContent).toBe('');
  });

  it('right-aligns a column of numbers and marks the one the rows are sorted by', () => {
    const onSort = vi.fn();
    render(
      <DataTable
        caption="Calls"
        columns={[
          { header: 'Start', sort: { label: 'Sort by Start', order: 'descending', onSort } },
          { header: 'Cost', numeric: true, sort: { label: 'Sort by Cost', order: null, onSort } },
        ]}
      >
        <tr>
          <th scope="row">Today</th>
          <td className={numericCell}>R$ 0,08</td>
        </tr>
      </DataTable>,
    );
    const [start, cost] = screen.getAllByRole('columnheader');
    expect(start!.getAttribute('aria-sort')).toBe('descending');
    expect(cost!.hasAttribute('aria-sort')).toBe(false);
    expect(cost!.className).toBe(numericCell);
    fireEvent.click(screen.getByRole('button', { name: 'Sort by Cost' }));
    expect(onSort).toHaveBeenCalledOnce();
  });

  it('says so when there is nothing to list, as a status where filters can empty the list', () => {
    const { rerender } = render(
      <EmptyTable live icon={null} title="No calls match these filters.">
        <p>Try another period.</p>
      </EmptyTable>,
    );
    expect(screen.getByRole('status').textContent).toBe(
      'No calls match these filters.Try another period.',
    );
    // A page's plain empty state is text, leaving the page's own status line alone.
    rerender(<EmptyTable icon={null} title="No teams yet." />);
    expect(screen.getByText('No teams yet.')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });
});
