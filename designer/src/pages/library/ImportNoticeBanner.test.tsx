import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/index.ts';
import { ImportNoticeBanner } from './ImportNoticeBanner.tsx';
import { rememberImport, takeImportNotice } from './importNotice.ts';

const flow = {
  id: 'f1',
  name: 'Recepção (2)',
  nodeCount: 3,
  revision: 1,
  createdAt: 0,
  updatedAt: 0,
  isExample: false,
  callbot: false,
};

afterEach(async () => {
  takeImportNotice('f1');
  await i18n.changeLanguage('en');
});

describe('ImportNoticeBanner', () => {
  it('says once what the import changed: the new name and the dropped connections', async () => {
    await i18n.changeLanguage('pt-BR');
    rememberImport({
      ok: true,
      flow,
      renamedFrom: 'Recepção',
      dropped: [{ nodeId: 'g', node: 'Olá', port: 'next', portLabel: 'next', target: 'ghost' }],
    });
    const { unmount } = render(<ImportNoticeBanner flowId="f1" />);
    const notice = screen.getByRole('status', { name: 'Sobre esta importação' });
    expect(notice.textContent).toContain(
      'Já existe um fluxo chamado “Recepção”, então o importado se chama “Recepção (2)”.',
    );
    expect(notice.textContent).toContain('1 conexão levava a um nó que não está no arquivo');
    expect(within(notice).getByRole('listitem').textContent).toBe(
      'a saída “a seguir” de “Olá” (levava a “ghost”)',
    );
    await userEvent.click(within(notice).getByRole('button', { name: 'Fechar aviso' }));
    expect(screen.queryByRole('status')).toBeNull();
    unmount();
    render(<ImportNoticeBanner flowId="f1" />);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says nothing after an import that changed nothing', () => {
    rememberImport({ ok: true, flow, dropped: [] });
    render(<ImportNoticeBanner flowId="f1" />);
    expect(screen.queryByRole('status')).toBeNull();
  });
});
