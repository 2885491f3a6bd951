import { describe, expect, it } from 'vitest';
import { safeFileName } from './download.ts';

describe('safeFileName', () => {
  it('keeps ordinary names, accents and spaces', () => {
    expect(safeFileName('Recepção Loja Exemplo.machine.json')).toBe(
      'Recepção Loja Exemplo.machine.json',
    );
  });

  it('replaces path separators, reserved and control characters', () => {
    expect(safeFileName('Vendas/Suporte: fila?.json')).toBe('Vendas-Suporte- fila-.json');
    expect(safeFileName('..\\..\\evil\u0000.json')).toBe('-..-evil-.json');
  });

  it('never gives an empty or hidden name', () => {
    expect(safeFileName('   ')).toBe('flow');
    expect(safeFileName('.hidden')).toBe('hidden');
  });
});
