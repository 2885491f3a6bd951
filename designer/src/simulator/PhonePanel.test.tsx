import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Recognition } from './browserSpeech.ts';
import { PhonePanel } from './PhonePanel.tsx';

function phone(props: Partial<Parameters<typeof PhonePanel>[0]> = {}) {
  const onInput = vi.fn();
  const onHangUp = vi.fn();
  render(
    <PhonePanel
      inCall
      lang="pt-BR"
      onInput={onInput}
      onHangUp={onHangUp}
      recognition={null}
      {...props}
    />,
  );
  return { onInput, onHangUp };
}

describe('PhonePanel', () => {
  it('has a key for each of 0-9, * and #, named by its digit', async () => {
    const { onInput } = phone();
    const keypad = screen.getByRole('group', { name: 'Keypad' });
    const keys = [...keypad.querySelectorAll('button')].map((b) => b.textContent);
    expect(keys.sort()).toEqual(['#', '*', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    await userEvent.click(screen.getByRole('button', { name: '*' }));
    expect(onInput).toHaveBeenCalledWith({ type: 'dtmf', digit: '*' });
  });

  it('says what the caller typed, trimmed, and not an empty text', async () => {
    const { onInput } = phone();
    const say = screen.getByRole('button', { name: 'Say' });
    expect(say).toHaveProperty('disabled', true);
    await userEvent.type(screen.getByLabelText('What the caller says'), '  vendas {Enter}');
    expect(onInput).toHaveBeenCalledWith({ type: 'speech', text: 'vendas' });
  });

  it('explains the microphone is missing without speech recognition', () => {
    phone();
    expect(screen.queryByRole('button', { name: 'Speak into the microphone' })).toBeNull();
    screen.getByText('This browser has no speech recognition: type what the caller says.');
  });

  it('says what the microphone heard, in the flow’s language', async () => {
    const made: Recognition[] = [];
    class FakeRecognition implements Recognition {
      lang = '';
      interimResults = true;
      maxAlternatives = 5;
      onresult: Recognition['onresult'] = null;
      onend: Recognition['onend'] = null;
      onerror: Recognition['onerror'] = null;
      constructor() {
        made.push(this);
      }
      start() {}
      stop() {
        this.onend?.();
      }
    }
    const { onInput } = phone({ recognition: FakeRecognition });
    await userEvent.click(screen.getByRole('button', { name: 'Speak into the microphone' }));
    const heard = made[0]!;
    expect(heard.lang).toBe('pt-BR');
    screen.getByRole('button', { name: 'Listening to the microphone…' });
    heard.onresult!({ results: [[{ transcript: 'falar com atendente' }]] });
    heard.onend!();
    expect(onInput).toHaveBeenCalledWith({ type: 'speech', text: 'falar com atendente' });
    await screen.findByRole('button', { name: 'Speak into the microphone' });
  });

  it('lets the trainer give the agent’s turn, and hang up', async () => {
    const { onInput, onHangUp } = phone({ typeAgentTurns: true });
    await userEvent.type(
      screen.getByRole('textbox', { name: 'The agent’s reply' }),
      'Vou transferir.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Reply and transfer' }));
    expect(onInput).toHaveBeenCalledWith({
      type: 'agent.reply',
      text: 'Vou transferir.',
      transfer: true,
    });
    await userEvent.click(screen.getByRole('button', { name: 'Hang up' }));
    expect(onHangUp).toHaveBeenCalled();
  });
});
