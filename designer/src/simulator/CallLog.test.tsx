import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { EventLog, Transcript } from './CallLog.tsx';
import { callNotStarted, foldMoment, type FoldedMoment } from './moments.ts';
import { receptionCallLines } from './storyCall.ts';
import type { LogEntry } from './store.ts';

function log(): LogEntry[] {
  let state: FoldedMoment = { ...callNotStarted, speakingUntil: 0 };
  return receptionCallLines().map((line) => {
    state = foldMoment(state, line, 150, ['dtmf', 'speech']);
    const { speakingUntil: _, ...moment } = state;
    return { line, state: moment };
  });
}

describe('Transcript', () => {
  it('says the conversation with times, and why an input was ignored', () => {
    render(<Transcript log={log()} />);
    const lines = within(screen.getByRole('list', { name: 'Transcript' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(lines).toEqual([
      '00:00.0 Bot says: “Olá! Você ligou para a Loja Exemplo.”',
      '00:01.0 Caller presses 5: ignored, the bot was not listening (a drawn flow does not listen while it speaks, and first listens at a button menu)',
      '00:02.8 Bot says: “Para vendas, digite 1. Para suporte, digite 2.”',
      '00:11.0 No input (time 1)',
      '00:11.0 Bot says: “Para vendas, digite 1. Para suporte, digite 2.”',
      '00:15.0 Caller presses 1',
      '00:15.0 Transfer to vendas: queued, waiting for an agent (not listening)',
      '00:15.0 Transfer to vendas: answered',
      '00:15.0 Call ended: transferred',
    ]);
  });

  it('names the rules behind an ignored input in a tooltip only', () => {
    render(<Transcript log={log()} />);
    const items = within(screen.getByRole('list', { name: 'Transcript' })).getAllByRole('listitem');
    const ignored = items.find((li) => li.textContent?.includes('ignored'))!;
    expect(ignored.getAttribute('title')).toBe('Rules R17, R18');
    expect(ignored.textContent).not.toMatch(/R\d/);
    expect(items.filter((li) => li.hasAttribute('title'))).toHaveLength(1);
  });
});

describe('EventLog', () => {
  it('shows the state of the call at the moment chosen', async () => {
    const onSelect = vi.fn();
    const entries = log();
    const { rerender } = render(<EventLog log={entries} selected={null} onSelect={onSelect} />);
    const list = screen.getByRole('list', { name: 'Event log' });
    await userEvent.click(
      within(list).getAllByRole('button', { name: /Bot starts listening/ })[0]!,
    );
    const index = entries.findIndex((e) => e.line.kind === 'listen' && e.line.on);
    expect(onSelect).toHaveBeenCalledWith(index);

    rerender(<EventLog log={entries} selected={index} onSelect={onSelect} />);
    const state = screen.getByRole('region', { name: 'State at 00:06.0' });
    expect([...state.querySelectorAll('dt, dd')].map((e) => e.textContent)).toEqual([
      'Node',
      'menu',
      'Speaking',
      'no',
      'Listening',
      'yes (keys, speech)',
      'Outcome',
      'none',
    ]);
  });
});
