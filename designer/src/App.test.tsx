import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { loadFlow } from '@callbot/shared';
import reception from '@callbot/runtime/examples/reception.flow.json';
import { App } from './App.tsx';

const flowSaying = (text: string) => ({
  schemaVersion: 1,
  settings: { name: 'Markup test', timeZone: 'UTC', locale: 'en', noInputTimeoutMs: 5000 },
  nodes: [{ id: 'start', kind: 'greeting', data: { text }, connections: {} }],
  layout: { nodes: {} },
});

describe('App', () => {
  it('opens the reception example on the canvas', () => {
    render(<App flow={loadFlow(reception)} />);
    expect(screen.getByRole('heading', { name: 'Recepção Loja Exemplo' })).toBeDefined();
    const canvas = screen.getByRole('application', { name: 'Flow canvas' });
    expect(canvas.textContent).toContain('Olá! Você ligou para a Loja Exemplo.');
    expect(canvas.textContent).toContain('Para vendas, digite 1. Para suporte, digite 2.');
  });

  it('renders what a node says as text, never as markup', () => {
    const text = '<img src=x onerror="alert(1)"><b>bold</b>';
    const { container } = render(<App flow={loadFlow(flowSaying(text))} />);
    expect(screen.getByText(text)).toBeDefined();
    expect(container.querySelector('img, b')).toBeNull();
  });

  it('says why a flow could not be opened', () => {
    render(<App flow={loadFlow({ schemaVersion: 1 })} />);
    expect(screen.getByRole('heading', { name: 'The flow could not be opened' })).toBeDefined();
    expect(screen.getByRole('alert').textContent).not.toBe('');
  });
});
