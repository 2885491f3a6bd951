import { examples } from '@callbot/runtime';
import type { FlowDocument } from '@callbot/shared';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n/index.ts';
import {
  createFakeServer,
  FAKE_SERVER_URL,
  FAKE_TOKEN,
  publishHandlers,
  type FakeServer,
} from './handlers.ts';
import { PublishDialog } from './PublishDialog.tsx';
import { PUBLISH_SETTINGS_KEY } from './settings.ts';

const fake: FakeServer = createFakeServer();
const requests: string[] = [];
const server = setupServer(...publishHandlers(fake));
server.events.on('request:start', ({ request }) => {
  requests.push(`${request.method} ${new URL(request.url).pathname}`);
});
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  fake.versions.clear();
  fake.lines.clear();
});
afterEach(async () => {
  server.resetHandlers();
  localStorage.clear();
  requests.length = 0;
  await i18n.changeLanguage('en');
});
afterAll(() => server.close());

const LINE = '+551130000000';
const text = (element: Element | undefined) => element?.textContent ?? '';
const value = (element: Element) => (element as HTMLInputElement | HTMLSelectElement).value;
const reception = examples.reception;

function open(
  doc: FlowDocument = reception,
  settings = { serverUrl: FAKE_SERVER_URL, token: FAKE_TOKEN },
) {
  if (settings) localStorage.setItem(PUBLISH_SETTINGS_KEY, JSON.stringify(settings));
  render(<PublishDialog doc={doc} onClose={() => {}} />);
  return within(screen.getByRole('dialog', { name: 'Publish to a runtime server' }));
}

const publish = async (dialog: ReturnType<typeof open>, note = '') => {
  if (note) await userEvent.type(dialog.getByLabelText('Version note'), note);
  await userEvent.click(dialog.getByRole('button', { name: 'Publish version' }));
};

describe('PublishDialog', () => {
  it('publishes the flow as a new version and shows its number, the server’s verdict and the versions', async () => {
    const dialog = open();
    expect(value(dialog.getByLabelText('Callbot id'))).toBe('recepcao-loja-exemplo');
    await publish(dialog, 'first');
    await dialog.findByText('Published version 1 of recepcao-loja-exemplo.');
    dialog.getByText('The server found no problem in it.');
    await publish(dialog);
    await dialog.findByText('Published version 2 of recepcao-loja-exemplo.');
    const versions = await dialog.findByRole('region', {
      name: 'Published versions of recepcao-loja-exemplo',
    });
    await waitFor(() => expect(within(versions).getAllByRole('listitem')).toHaveLength(2));
    expect(text(within(versions).getAllByRole('listitem')[0])).toMatch(/Version 1, .* · first/);
    expect(fake.versions.get('recepcao-loja-exemplo')?.map((v) => v.note)).toEqual(['first', '']);
  });

  it('checks the flow here first: with errors, they are shown and nothing is sent', async () => {
    const broken = { ...reception, nodes: reception.nodes.filter((n) => n.id !== 'greeting') };
    const dialog = open(broken);
    await publish(dialog);
    const alert = await dialog.findByRole('alert');
    expect(text(alert)).toContain('The flow has errors, so nothing was sent.');
    expect(within(alert).getAllByRole('listitem').length).toBeGreaterThan(0);
    expect(requests.filter((r) => r.startsWith('POST'))).toEqual([]);
    expect(fake.versions.size).toBe(0);
  });

  it('shows the server’s 422 diagnostics in the UI language', async () => {
    await i18n.changeLanguage('pt-BR');
    server.use(
      http.post(`${FAKE_SERVER_URL}/api/callbots/:id/versions`, () =>
        HttpResponse.json(
          {
            error: 'invalid_flow',
            message: 'The flow has errors; nothing was published.',
            diagnostics: [
              {
                severity: 'error',
                code: 'flow.noGreeting',
                message: 'The flow has no greeting, so a call would have nowhere to start.',
              },
            ],
          },
          { status: 422 },
        ),
      ),
    );
    render(<PublishDialog doc={reception} onClose={() => {}} />);
    const dialog = within(
      screen.getByRole('dialog', { name: 'Publicar num servidor de execução' }),
    );
    await userEvent.type(dialog.getByLabelText('URL do servidor'), FAKE_SERVER_URL);
    await userEvent.type(dialog.getByLabelText('Token da API'), FAKE_TOKEN);
    await userEvent.click(dialog.getByRole('button', { name: 'Salvar configurações do servidor' }));
    await userEvent.click(dialog.getByRole('button', { name: 'Publicar versão' }));
    const alert = await dialog.findByRole('alert');
    expect(text(alert)).toContain('O servidor recusou o fluxo; nada foi publicado:');
    expect(text(within(alert).getByRole('listitem'))).toContain('O fluxo não tem mensagem inicial');
  });

  it('says when the server is down, and when the token is wrong', async () => {
    server.use(
      http.post(`${FAKE_SERVER_URL}/api/callbots/:id/versions`, () => HttpResponse.error()),
    );
    const dialog = open();
    await publish(dialog);
    expect(text(await dialog.findByRole('alert'))).toContain(
      `The server did not answer at ${FAKE_SERVER_URL}.`,
    );
    server.resetHandlers();
    await userEvent.clear(dialog.getByLabelText('API token'));
    await userEvent.type(dialog.getByLabelText('API token'), 'wrong');
    await userEvent.click(dialog.getByRole('button', { name: 'Save server settings' }));
    await publish(dialog);
    expect(text(await dialog.findByRole('alert'))).toContain(
      'The server refused the API token (401).',
    );
  });

  it('keeps the server URL and token in this browser, and says so', async () => {
    const dialog = open(reception, { serverUrl: '', token: '' });
    dialog.getByText('The server URL and token are kept in this browser’s local storage only.');
    await publish(dialog);
    expect(text(await dialog.findByRole('alert'))).toContain(
      'Set the server URL and API token first.',
    );
    await userEvent.type(dialog.getByLabelText('Server URL'), 'not a url');
    await userEvent.click(dialog.getByRole('button', { name: 'Save server settings' }));
    dialog.getByText('Enter the server’s address, e.g. http://127.0.0.1:8787.');
    await userEvent.clear(dialog.getByLabelText('Server URL'));
    await userEvent.type(dialog.getByLabelText('Server URL'), `${FAKE_SERVER_URL}/`);
    await userEvent.type(dialog.getByLabelText('API token'), FAKE_TOKEN);
    await userEvent.click(dialog.getByRole('button', { name: 'Save server settings' }));
    expect(JSON.parse(localStorage.getItem(PUBLISH_SETTINGS_KEY)!)).toEqual({
      serverUrl: FAKE_SERVER_URL,
      token: FAKE_TOKEN,
    });
  });

  it('points a line at a version, asks before replacing another callbot (R3), and rolls back', async () => {
    fake.versions.set('assistente', [
      {
        callbot: 'assistente',
        version: 1,
        fingerprint: 'x',
        note: '',
        createdAt: '2026-11-20T10:00:00Z',
      },
    ]);
    fake.lines.set(LINE, {
      number: LINE,
      callbot: 'assistente',
      version: 1,
      assignedAt: '2026-11-20T10:00:00Z',
    });
    const dialog = open();
    await publish(dialog);
    await publish(dialog);
    await dialog.findByText('Published version 2 of recepcao-loja-exemplo.');
    await userEvent.type(await dialog.findByLabelText('Line number'), LINE);
    await waitFor(() => expect(value(dialog.getByLabelText('Version for the line'))).toBe('2'));
    await userEvent.selectOptions(dialog.getByLabelText('Version for the line'), '1');
    await userEvent.click(dialog.getByRole('button', { name: 'Point the line at this version' }));

    const question = await dialog.findByRole('alert');
    expect(text(question)).toContain(
      'The line +55 11 3000 0000 is answered by the callbot “assistente”. A line has one callbot',
    );
    expect(fake.lines.get(LINE)?.callbot).toBe('assistente');
    await userEvent.click(within(question).getByRole('button', { name: 'Replace assistente' }));
    expect(text(await dialog.findByRole('status'))).toContain(
      'The line +55 11 3000 0000 answers with recepcao-loja-exemplo, version 1. It replaced the callbot assistente.',
    );

    await userEvent.selectOptions(dialog.getByLabelText('Version for the line'), '2');
    await userEvent.click(dialog.getByRole('button', { name: 'Point the line at this version' }));
    await waitFor(() => expect(fake.lines.get(LINE)?.version).toBe(2));
    await userEvent.click(dialog.getByRole('button', { name: 'Roll the line back' }));
    await waitFor(() =>
      expect(text(dialog.getByRole('status'))).toContain(
        'The line +55 11 3000 0000 answers with recepcao-loja-exemplo, version 1.',
      ),
    );
    await userEvent.click(dialog.getByRole('button', { name: 'Roll the line back' }));
    expect(text(await dialog.findByRole('alert'))).toContain(
      'There is no earlier version to roll back to.',
    );
  });

  it('keeps the other callbot when told to', async () => {
    fake.versions.set('assistente', [
      {
        callbot: 'assistente',
        version: 1,
        fingerprint: 'x',
        note: '',
        createdAt: '2026-11-20T10:00:00Z',
      },
    ]);
    fake.lines.set(LINE, {
      number: LINE,
      callbot: 'assistente',
      version: 1,
      assignedAt: '2026-11-20T10:00:00Z',
    });
    const dialog = open();
    await publish(dialog);
    await userEvent.type(await dialog.findByLabelText('Line number'), LINE);
    await userEvent.click(dialog.getByRole('button', { name: 'Point the line at this version' }));
    const question = await dialog.findByRole('alert');
    await userEvent.click(within(question).getByRole('button', { name: 'Keep assistente' }));
    expect(dialog.queryByRole('alert')).toBeNull();
    expect(fake.lines.get(LINE)?.callbot).toBe('assistente');
    expect(requests.filter((r) => r.startsWith('PUT'))).toHaveLength(1);
  });
});
