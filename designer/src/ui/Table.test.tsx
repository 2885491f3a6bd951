import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ActionsCell, DataTable } from './Table.tsx';

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
    const suporte = within(table).getByRole('row', { name: /Suporte/ });
    expect(within(suporte).getAllByRole('cell').at(-1)?.className).toBe('');
  });
});
