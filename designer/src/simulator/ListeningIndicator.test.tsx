import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ListeningIndicator } from './ListeningIndicator.tsx';
import { callNotStarted, type CallMoment } from './moments.ts';

const at = (m: Partial<CallMoment>): CallMoment => ({ ...callNotStarted, node: 'menu', ...m });

describe('ListeningIndicator', () => {
  it('says the bot speaks and does not listen during a drawn prompt', () => {
    render(<ListeningIndicator moment={at({ speaking: true })} phase="running" />);
    expect(screen.getByRole('status').textContent).toBe(
      'Speaking · not listening: keys and speech are ignored',
    );
  });

  it('says it listens, and to what', () => {
    render(
      <ListeningIndicator
        moment={at({ listening: true, modes: ['dtmf', 'speech'] })}
        phase="running"
      />,
    );
    expect(screen.getByRole('status').textContent).toBe('Listening · to keys, speech');
  });

  it('says an AI agent speaks and listens at once', () => {
    render(
      <ListeningIndicator
        moment={at({ speaking: true, listening: true, modes: ['speech'] })}
        phase="running"
      />,
    );
    expect(screen.getByRole('status').textContent).toBe(
      'Speaking and listening · the caller can interrupt by speaking',
    );
  });

  it('says when it neither speaks nor listens, and when the call is over', () => {
    const { rerender } = render(<ListeningIndicator moment={at({})} phase="running" />);
    expect(screen.getByRole('status').textContent).toBe('Not listening · input is ignored');
    rerender(<ListeningIndicator moment={at({ outcome: 'transferred' })} phase="ended" />);
    expect(screen.getByRole('status').textContent).toBe('Call ended');
    rerender(<ListeningIndicator moment={callNotStarted} phase="setup" />);
    expect(screen.getByRole('status').textContent).toBe('No call');
  });
});
