import { describe, expect, it } from 'vitest';
import reception from '@callbot/runtime/examples/reception.flow.json';
import {
  createNode,
  migrate,
  parseFlowJson,
  unknownReferenceDiagnostics,
  validateFlow,
  type Diagnostic,
  type FlowDocument,
  type FlowNode,
} from '@callbot/shared';
import { i18n } from '../index.ts';
import { diagnosticText } from './index.ts';
import { diagnosticsEn } from './en.ts';
import { kindWords } from '../../nodes/words.ts';

/** The reception example with one change made to a fresh copy. */
function receptionWith(change: (doc: FlowDocument) => void): unknown {
  const doc = structuredClone(reception) as unknown as FlowDocument;
  change(doc);
  return doc;
}
const nodeOf = (doc: FlowDocument, id: string) => doc.nodes.find((n) => n.id === id)!;
const menuOf = (doc: FlowDocument) => nodeOf(doc, 'menu') as Extract<FlowNode, { kind: 'menu' }>;
const scheduleOf = (doc: FlowDocument) =>
  nodeOf(doc, 'horario') as Extract<FlowNode, { kind: 'schedule' }>;
const longText = Array.from({ length: 120 }, () => 'palavra').join(' ');

/** Broken flows and files that, together, make every diagnostic the designer has words for. */
function corpus(): Diagnostic[] {
  const flows = [
    receptionWith((d) => {
      d.settings.timeZone = 'Mars/Olympus';
      d.settings.locale = 'not a locale!';
    }),
    receptionWith(
      (d) => void d.nodes.push({ ...createNode('message', 'menu', 'pt-BR'), label: 'Twin' }),
    ),
    receptionWith((d) => void (d.nodes = d.nodes.filter((n) => n.kind !== 'greeting'))),
    receptionWith(
      (d) => void d.nodes.push({ ...createNode('message', 'toString', 'pt-BR'), label: 'T' }),
    ),
    receptionWith((d) => void d.nodes.push(createNode('greeting', 'hello-again', 'pt-BR'))),
    receptionWith((d) => {
      nodeOf(d, 'fechado').connections = { next: 'bot-fora', bogus: 'menu' };
      nodeOf(d, 'greeting').connections = { next: 'nowhere' };
    }),
    receptionWith((d) => void delete menuOf(d).connections.noMatch),
    receptionWith(
      (d) => void d.nodes.push({ ...createNode('message', 'island', 'pt-BR'), label: 'Ilha' }),
    ),
    receptionWith((d) => void (menuOf(d).connections.noInput = 'menu')),
    receptionWith((d) => {
      const a = { ...createNode('message', 'a', 'pt-BR'), connections: { next: 'b' } };
      const b = { ...createNode('message', 'b', 'pt-BR'), connections: { next: 'a' } };
      a.data.text = 'A';
      b.data.text = 'B';
      d.nodes.push(a, b);
      nodeOf(d, 'fechado').connections = { next: 'a' };
    }),
    receptionWith((d) => {
      (nodeOf(d, 'greeting') as Extract<FlowNode, { kind: 'greeting' }>).data.text = '';
      (nodeOf(d, 'fechado') as Extract<FlowNode, { kind: 'message' }>).data.text = longText;
      menuOf(d).data.noInput.message = longText;
    }),
    receptionWith((d) => void (menuOf(d).data.options = [])),
    receptionWith((d) => {
      (nodeOf(d, 'fechado') as Extract<FlowNode, { kind: 'message' }>).data.text = 'Fechado\u0000';
    }),
    receptionWith((d) => {
      const [sales, support] = menuOf(d).data.options;
      menuOf(d).data.options = [
        { ...sales!, keywords: ['vendas', '!!'] },
        { ...support!, id: sales!.id, key: '1', keywords: ['vendas', 'vendas online'] },
        { id: 'x', key: '', keywords: [] },
        { id: 'y', key: 'x', keywords: [] },
      ];
    }),
    receptionWith((d) => {
      const schedule = scheduleOf(d);
      schedule.data.timeZone = 'Mars/Olympus';
      schedule.data.weekly = [
        { day: 'mon', start: '18:00', end: '09:00' },
        { day: 'tue', start: '09:00', end: '12:00' },
        { day: 'tue', start: '11:00', end: '14:00' },
      ];
      schedule.data.holidays = [
        { date: '2026-12-25', name: 'Natal' },
        { date: '2026-12-25', name: 'Natal de novo' },
      ];
    }),
    receptionWith((d) => void (scheduleOf(d).data.weekly = [])),
    receptionWith((d) => {
      (nodeOf(d, 't-vendas') as Extract<FlowNode, { kind: 'transfer' }>).data.team = '';
      (nodeOf(d, 'bot-fora') as Extract<FlowNode, { kind: 'fallbackBot' }>).data.bot = '';
      const agent = createNode('aiAgent', 'agent', 'pt-BR');
      agent.data.instructions = '';
      agent.data.endpoint = '';
      d.nodes.push(agent);
    }),
  ];
  const nested = (depth: number): unknown => (depth === 0 ? 1 : { a: nested(depth - 1) });
  const files = [
    '{',
    '[]',
    JSON.stringify({ schemaVersion: 1, nested: nested(40) }),
    '{"schemaVersion":1,"__proto__":{}}',
    '{}',
    '{"schemaVersion":"one"}',
    '{"schemaVersion":99}',
  ];
  return [
    ...flows.flatMap(validateFlow),
    // A flow naming a team and a bot the workspace does not have.
    ...unknownReferenceDiagnostics(receptionWith(() => {}) as FlowDocument, {
      teams: [{ name: 'Outra' }],
      bots: [{ name: 'Outro' }],
    }),
    ...files.flatMap((text) => parseFlowJson(text).diagnostics),
    ...parseFlowJson('x'.repeat(2048), 1024).diagnostics,
    ...migrateDiagnostics(migrate({ schemaVersion: 1 }, [], 3)),
    ...migrateDiagnostics(
      migrate(
        { schemaVersion: 1 },
        [{ from: 1, description: 'adds a column', up: () => fail('column missing') }],
        2,
      ),
    ),
  ];
}
const fail = (message: string): never => {
  throw new Error(message);
};
const migrateDiagnostics = (result: ReturnType<typeof migrate>) =>
  result.ok ? [] : result.diagnostics;

/** Every `group.code` the designer has words for. */
const translatedCodes = [
  ...Object.entries(diagnosticsEn).filter(([group]) => group !== 'texts'),
  // A kind's own checks have their words in its folder.
  ...Object.entries(kindWords).flatMap(([kind, words]) =>
    'checks' in words.en ? [[kind, words.en.checks] as const] : [],
  ),
].flatMap(([group, codes]) => Object.keys(codes).map((code) => `${group}.${code}`));

describe('diagnostics in the UI language', () => {
  const diagnostics = corpus();
  const translated = diagnostics.filter((d) => translatedCodes.includes(d.code));

  it('the corpus makes every diagnostic that has words in the designer', () => {
    expect(new Set(translated.map((d) => d.code))).toEqual(new Set(translatedCodes));
  });

  it('in English, says exactly what @callbot/shared wrote, so the two never drift', () => {
    const en = i18n.getFixedT('en');
    for (const d of translated) {
      const expected = { message: d.message, ...(d.hint !== undefined && { hint: d.hint }) };
      expect(diagnosticText(d, en), d.code).toEqual(expected);
    }
  });

  it.each(['pt-BR', 'es'])('in %s, says every one in that language, with its values', (lng) => {
    const t = i18n.getFixedT(lng);
    for (const d of translated) {
      const { message, hint } = diagnosticText(d, t);
      expect(message, d.code).not.toBe(d.message);
      expect(message, d.code).not.toMatch(/\{\{|\}\}/);
      expect(hint === undefined, d.code).toBe(d.hint === undefined);
      if (hint !== undefined) expect(hint, d.code).not.toMatch(/\{\{|\}\}/);
      // Ids, keys, times and numbers appear as they are; days, texts and output names are translated.
      const said = ['day', 'text', 'portId', ...(d.params?.portId === undefined ? [] : ['port'])];
      for (const [name, value] of Object.entries(d.params ?? {})) {
        if (!said.includes(name)) expect(message, `${d.code}: ${name}`).toContain(String(value));
      }
    }
  });

  it('names days, texts and outputs in the language of the UI', () => {
    const pt = i18n.getFixedT('pt-BR');
    const es = i18n.getFixedT('es');
    const byCode = (code: string) => translated.find((d) => d.code === code)!;
    expect(diagnosticText(byCode('schedule.emptyRange'), pt).message).toBe(
      'Segunda-feira 18:00-09:00 termina antes de começar.',
    );
    const emptyGreeting = translated.find(
      (d) => d.code === 'text.empty' && d.params?.text === 'greeting',
    );
    expect(diagnosticText(emptyGreeting!, es)).toEqual({
      message: 'El texto «mensaje inicial» está vacío: el bot no tendría nada que decir.',
      hint: 'Escriba el texto «mensaje inicial».',
    });
    const noMatch = translated.find(
      (d) => d.code === 'port.unconnected' && d.params?.portId === 'noMatch',
    );
    expect(diagnosticText(noMatch!, pt).message).toBe(
      'A saída "opção inválida" de "Menu principal" não está conectada: se a chamada chegar lá, o bot desliga.',
    );
    const missingTarget = translated.find((d) => d.code === 'edge.missingTarget')!;
    expect(diagnosticText(missingTarget, pt).message).toMatch(
      /^A saída "a seguir" de "[^"]+" leva/,
    );
    expect(diagnosticText(missingTarget, pt).message).not.toContain('"next"');
    const missingKey = translated.find((d) => d.code === 'menu.invalidKey' && d.params?.key === '');
    expect(diagnosticText(missingKey!, pt).message).toBe('A opção 3 não tem tecla.');
  });

  it('keeps the English of a diagnostic it has no words for', () => {
    const schema = diagnostics.find((d) => d.code === 'schema') ?? {
      severity: 'error' as const,
      code: 'schema',
      message: 'nodes[0].data.text: expected text.',
    };
    expect(diagnosticText(schema, i18n.getFixedT('pt-BR')).message).toBe(schema.message);
  });
});
