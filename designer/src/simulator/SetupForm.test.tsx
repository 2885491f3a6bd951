import { examples } from '@callbot/runtime';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n/index.ts';
import { SetupForm } from './SetupForm.tsx';
import type { CallSetup } from './store.ts';

const setup: CallSetup = {
  channel: 'line',
  direction: 'inbound',
  from: '+5511999990000',
  to: '+551130000000',
  date: '2026-11-24',
  time: '14:05',
  timeZone: 'America/Sao_Paulo',
  agents: {},
  speed: 'realtime',
  startNode: null,
};

function renderForm(onChange = vi.fn(), onStart = vi.fn()) {
  render(
    <SetupForm
      doc={examples.aiAgent}
      setup={setup}
      teams={[]}
      selectedNode={null}
      onChange={onChange}
      onAgents={vi.fn()}
      onStart={onStart}
    />,
  );
  return { onChange, onStart };
}

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('the simulator’s setup form', () => {
  it('writes the call’s moment as the page’s language does, not the browser’s', async () => {
    await i18n.changeLanguage('pt-BR');
    const { onChange } = renderForm();
    const user = userEvent.setup();
    const date = screen.getByRole('textbox', { name: 'Data' });
    const time = screen.getByRole('textbox', { name: 'Hora' });
    expect((date as HTMLInputElement).value).toBe('24/11/2026');
    expect((time as HTMLInputElement).value).toBe('14:05');

    await user.clear(date);
    await user.type(date, '25/12/2026');
    await user.clear(time);
    await user.type(time, '9h30');
    await user.tab();
    expect(onChange).toHaveBeenCalledWith({ date: '2026-12-25' });
    expect(onChange).toHaveBeenCalledWith({ time: '09:30' });
  });

  it('takes ISO dates and times in English, as the e2e page objects fill them, and starts', async () => {
    const { onChange, onStart } = renderForm();
    const user = userEvent.setup();
    const date = screen.getByRole('textbox', { name: 'Date' });
    const time = screen.getByRole('textbox', { name: 'Time' });
    expect((date as HTMLInputElement).value).toBe('11/24/2026');
    expect((time as HTMLInputElement).value).toBe('2:05 PM');

    await user.clear(date);
    await user.type(date, '2026-11-29');
    await user.clear(time);
    await user.type(time, '03:00');
    await user.click(screen.getByRole('button', { name: 'Start call' }));
    expect(onChange).toHaveBeenCalledWith({ date: '2026-11-29' });
    expect(onChange).toHaveBeenCalledWith({ time: '03:00' });
    expect(onStart).toHaveBeenCalledTimes(1);
  });
});
