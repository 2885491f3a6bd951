import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileFlow } from '../../compiler/compile.ts';
import type { FlowNode, NodeOfKind } from '../../document/schema.ts';
import {
  callStarted,
  compiled,
  flow,
  listenOf,
  runCompiled,
  silenceXstateWarnings,
} from '../../test/harness.ts';
import { validateFlow } from '../../validation/validate.ts';
import type { MenuData } from './schema.ts';

const AT = '2026-11-24T10:00:00-03:00'; // a Tuesday morning in São Paulo
const PROMPT = 'Para vendas, digite 1. Para suporte, digite 2.';

/** Answers the call and lets the greeting finish: the menu's prompt is being said. */
function atMenu(doc: unknown) {
  const h = runCompiled(compiled(doc), { at: AT });
  h.send(callStarted(AT));
  h.endPrompt();
  return h;
}

const greetingNode: FlowNode = {
  id: 'greeting',
  kind: 'greeting',
  data: { text: 'Olá!' },
  connections: { next: 'menu' },
};

const end = (id: string, text: string): FlowNode => ({
  id,
  kind: 'hangup',
  data: { text },
  connections: {},
});

/** Where each port leads: a hang-up that says which way the call went. */
const ends: FlowNode[] = [
  end('vendas', 'Vendas.'),
  end('suporte', 'Suporte.'),
  end('semResposta', 'Não ouvimos nada.'),
  end('invalida', 'Opção inválida, até logo.'),
];

const connected = {
  'option:vendas': 'vendas',
  'option:suporte': 'suporte',
  noInput: 'semResposta',
  noMatch: 'invalida',
};

function menuNode(
  data: Partial<MenuData> = {},
  connections: Record<string, string> = connected,
): NodeOfKind<'menu'> {
  return {
    id: 'menu',
    kind: 'menu',
    data: {
      prompt: PROMPT,
      options: [
        { id: 'vendas', key: '1', keywords: ['vendas'] },
        { id: 'suporte', key: '2', keywords: ['suporte'] },
      ],
      noInput: { timeoutMs: 3000, repeats: 2 },
      noMatch: { repeats: 2, message: 'Opção inválida.' },
      ...data,
    },
    connections,
  };
}

const prompts = (log: string[]) => log.filter((s) => s === `say: ${PROMPT}`).length;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('menu: when it listens (R18)', () => {
  it('says its prompt on entry, speaking and not yet listening', () => {
    const h = atMenu(flow([greetingNode, menuNode(), ...ends]));
    expect(h.state()).toEqual({ menu: 'prompt' });
    expect(h.tags()).toEqual(['speaking']);
    expect(h.log.slice(-2)).toEqual(['enter: menu', `say: ${PROMPT}`]);
  });

  it('ignores a key pressed while the prompt is said', () => {
    const h = atMenu(flow([greetingNode, menuNode(), ...ends]));
    const before = [...h.log];
    h.send({ type: 'dtmf', digit: '1' });
    h.send({ type: 'speech', text: 'vendas' });
    expect(h.state()).toEqual({ menu: 'prompt' });
    expect(h.log).toEqual(before);
    expect(h.context()).toEqual({ noInput: 0, noMatch: 0 });
  });

  it('listens once the prompt has ended', () => {
    const h = atMenu(flow([greetingNode, menuNode(), ...ends]));
    h.endPrompt();
    expect(h.state()).toEqual({ menu: 'listening' });
    expect(h.tags()).toEqual(['listening']);
  });
});

describe('menu: choosing an option', () => {
  it('takes the option whose key is pressed', () => {
    const h = atMenu(flow([greetingNode, menuNode(), ...ends]));
    h.endPrompt();
    h.send({ type: 'dtmf', digit: '2' });
    expect(h.state()).toEqual({ suporte: 'goodbye' });
    expect(h.log.slice(-2)).toEqual(['enter: suporte', 'say: Suporte.']);
  });

  it('takes the first option for its own key', () => {
    const h = atMenu(flow([greetingNode, menuNode(), ...ends]));
    h.endPrompt();
    h.send({ type: 'dtmf', digit: '1' });
    expect(h.log).toContain('enter: vendas');
    expect(h.log).not.toContain('enter: suporte');
  });

  it('matches a spoken keyword ignoring case and accents', () => {
    const h = atMenu(flow([greetingNode, menuNode(), ...ends]));
    h.endPrompt();
    h.send({ type: 'speech', text: 'Quero falar com o SUPORTE técnico' });
    expect(h.log).toContain('enter: suporte');
  });

  it('matches a keyword written with accents when said without them', () => {
    const h = atMenu(
      flow([
        greetingNode,
        menuNode({
          options: [
            { id: 'vendas', key: '1', keywords: ['Promoções'] },
            { id: 'suporte', key: '2', keywords: ['técnico'] },
          ],
        }),
        ...ends,
      ]),
    );
    h.endPrompt();
    h.send({ type: 'speech', text: 'quero ver as PROMOCOES' });
    expect(h.log).toContain('enter: vendas');
  });

  it('matches whole words only: "vendedor" is not "vendas", "suportes" is not "suporte"', () => {
    const h = atMenu(flow([greetingNode, menuNode(), ...ends]));
    h.endPrompt();
    h.send({ type: 'speech', text: 'quero um vendedor' });
    expect(h.log).not.toContain('enter: vendas');
    expect(h.context().noMatch).toBe(1);
    expect(h.state()).toEqual({ menu: 'noMatchMessage' });
    h.endPrompt();
    h.endPrompt();
    h.send({ type: 'speech', text: 'suportes' });
    expect(h.log).not.toContain('enter: suporte');
    expect(h.context().noMatch).toBe(2);
  });

  it('hangs up when the chosen option is not connected', () => {
    const h = atMenu(
      flow([
        greetingNode,
        menuNode({}, { 'option:vendas': 'vendas', noInput: 'semResposta', noMatch: 'invalida' }),
        ...ends,
      ]),
    );
    h.endPrompt();
    h.send({ type: 'dtmf', digit: '2' });
    expect(h.log.slice(-2)).toEqual(['hangup: unconnected_port', 'end: hung_up']);
    expect(h.done()).toBe(true);
  });
});

describe('menu: wrong input (no match)', () => {
  it('says the no-match message, then the prompt again, then listens', () => {
    const h = atMenu(flow([greetingNode, menuNode(), ...ends]));
    h.endPrompt();
    h.send({ type: 'dtmf', digit: '9' });
    expect(h.state()).toEqual({ menu: 'noMatchMessage' });
    expect(h.tags()).toEqual(['speaking']);
    expect(h.log.at(-1)).toBe('say: Opção inválida.');
    expect(h.context()).toEqual({ noInput: 0, noMatch: 1 });
    h.endPrompt();
    expect(h.state()).toEqual({ menu: 'prompt' });
    expect(h.log.at(-1)).toBe(`say: ${PROMPT}`);
    h.endPrompt();
    expect(h.tags()).toEqual(['listening']);
  });

  it('repeats the prompt straight away when there is no no-match message', () => {
    const h = atMenu(flow([greetingNode, menuNode({ noMatch: { repeats: 2 } }), ...ends]));
    h.endPrompt();
    h.send({ type: 'dtmf', digit: '#' });
    expect(h.state()).toEqual({ menu: 'prompt' });
    expect(h.log.at(-1)).toBe(`say: ${PROMPT}`);
    expect(prompts(h.log)).toBe(2);
  });

  it('takes noMatch on the wrong input after the repeats are used', () => {
    const h = atMenu(flow([greetingNode, menuNode({ noMatch: { repeats: 2 } }), ...ends]));
    for (let i = 0; i < 2; i++) {
      h.endPrompt();
      h.send({ type: 'dtmf', digit: '7' });
      expect(h.state()).toEqual({ menu: 'prompt' });
    }
    expect(h.context().noMatch).toBe(2);
    h.endPrompt();
    h.send({ type: 'dtmf', digit: '7' });
    expect(h.log).toContain('enter: invalida');
    expect(prompts(h.log)).toBe(3);
  });

  it('takes noMatch on the first wrong input when repeats is 0', () => {
    const h = atMenu(flow([greetingNode, menuNode({ noMatch: { repeats: 0 } }), ...ends]));
    h.endPrompt();
    h.send({ type: 'dtmf', digit: '0' });
    expect(h.log.slice(-2)).toEqual(['enter: invalida', 'say: Opção inválida, até logo.']);
  });

  it('counts unrecognised speech as a wrong input when the menu takes speech', () => {
    const h = atMenu(flow([greetingNode, menuNode({ noMatch: { repeats: 0 } }), ...ends]));
    h.endPrompt();
    h.send({ type: 'speech', text: 'não sei' });
    expect(h.log).toContain('enter: invalida');
  });

  it('still accepts a right answer after wrong ones', () => {
    const h = atMenu(flow([greetingNode, menuNode(), ...ends]));
    h.endPrompt();
    h.send({ type: 'dtmf', digit: '5' });
    h.endPrompt();
    h.endPrompt();
    h.send({ type: 'dtmf', digit: '1' });
    expect(h.log).toContain('enter: vendas');
  });

  it('ignores keys during the no-match message', () => {
    const h = atMenu(flow([greetingNode, menuNode(), ...ends]));
    h.endPrompt();
    h.send({ type: 'dtmf', digit: '5' });
    h.send({ type: 'dtmf', digit: '1' });
    expect(h.state()).toEqual({ menu: 'noMatchMessage' });
    expect(h.log).not.toContain('enter: vendas');
    expect(h.context().noMatch).toBe(1);
  });
});

describe('menu: silence (no input)', () => {
  it('repeats the prompt when nothing comes within timeoutMs', () => {
    const h = atMenu(flow([greetingNode, menuNode(), ...ends]));
    h.endPrompt();
    h.advance(2999);
    expect(h.state()).toEqual({ menu: 'listening' });
    expect(prompts(h.log)).toBe(1);
    h.advance(1);
    expect(h.state()).toEqual({ menu: 'prompt' });
    expect(prompts(h.log)).toBe(2);
    expect(h.context()).toEqual({ noInput: 1, noMatch: 0 });
  });

  it('takes noInput after the repeats are used', () => {
    const h = atMenu(flow([greetingNode, menuNode(), ...ends]));
    for (let i = 0; i < 2; i++) {
      h.endPrompt();
      h.advance(3000);
      expect(h.log).not.toContain('enter: semResposta');
    }
    h.endPrompt();
    h.advance(3000);
    expect(h.log.slice(-2)).toEqual(['enter: semResposta', 'say: Não ouvimos nada.']);
    expect(prompts(h.log)).toBe(3);
  });

  it('says the no-input message before repeating the prompt', () => {
    const h = atMenu(
      flow([
        greetingNode,
        menuNode({ noInput: { timeoutMs: 3000, repeats: 1, message: 'Não ouvi nada.' } }),
        ...ends,
      ]),
    );
    h.endPrompt();
    h.advance(3000);
    expect(h.state()).toEqual({ menu: 'noInputMessage' });
    expect(h.log.at(-1)).toBe('say: Não ouvi nada.');
    h.endPrompt();
    expect(h.log.at(-1)).toBe(`say: ${PROMPT}`);
  });

  it('does not run the timer while the prompt is said', () => {
    const h = atMenu(flow([greetingNode, menuNode(), ...ends]));
    const before = [...h.log];
    h.advance(60_000);
    expect(h.state()).toEqual({ menu: 'prompt' });
    expect(h.log).toEqual(before);
    expect(h.context().noInput).toBe(0);
  });

  it('does not run the timer during the no-match message, and restarts it in full after', () => {
    const h = atMenu(flow([greetingNode, menuNode(), ...ends]));
    h.endPrompt();
    h.advance(2500);
    h.send({ type: 'dtmf', digit: '9' });
    h.advance(60_000); // message then prompt are being said: no timer
    expect(h.state()).toEqual({ menu: 'noMatchMessage' });
    h.endPrompt();
    h.advance(60_000);
    expect(h.state()).toEqual({ menu: 'prompt' });
    expect(h.context()).toEqual({ noInput: 0, noMatch: 1 });
    h.endPrompt();
    h.advance(2999); // not 500 ms: the 2.5 s listened before do not count
    expect(h.state()).toEqual({ menu: 'listening' });
    h.advance(1);
    expect(h.context()).toEqual({ noInput: 1, noMatch: 1 });
  });

  it('keeps the no-input and no-match counts apart', () => {
    const h = atMenu(
      flow([
        greetingNode,
        menuNode({ noInput: { timeoutMs: 3000, repeats: 1 }, noMatch: { repeats: 1 } }),
        ...ends,
      ]),
    );
    h.endPrompt();
    h.send({ type: 'dtmf', digit: '9' });
    h.endPrompt();
    h.endPrompt();
    h.advance(3000);
    expect(h.state()).toEqual({ menu: 'prompt' });
    expect(h.context()).toEqual({ noInput: 1, noMatch: 1 });
    h.endPrompt();
    h.send({ type: 'dtmf', digit: '9' });
    expect(h.log).toContain('enter: invalida');
    expect(h.log).not.toContain('enter: semResposta');
  });

  it('falls back to the flow setting when the menu has no timeoutMs', () => {
    const h = atMenu(
      flow([greetingNode, menuNode({ noInput: { repeats: 1 } }), ...ends], {
        noInputTimeoutMs: 8000,
      }),
    );
    h.endPrompt();
    h.advance(7999);
    expect(h.state()).toEqual({ menu: 'listening' });
    expect(h.context().noInput).toBe(0);
    h.advance(1);
    expect(h.state()).toEqual({ menu: 'prompt' });
    expect(h.context().noInput).toBe(1);
  });

  it("uses the menu's own timeoutMs over the flow's", () => {
    const h = atMenu(
      flow([greetingNode, menuNode({ noInput: { timeoutMs: 2000, repeats: 1 } }), ...ends], {
        noInputTimeoutMs: 9000,
      }),
    );
    h.endPrompt();
    h.advance(1999);
    expect(h.context().noInput).toBe(0);
    h.advance(1);
    expect(h.context().noInput).toBe(1);
  });

  it('puts the timeout in the listen action, from the flow when the menu has none', () => {
    const listenMeta = (doc: unknown) => listenOf(compiled(doc).states.menu?.states?.listening);
    expect(
      listenMeta(flow([greetingNode, menuNode({ noInput: { repeats: 1 } }), ...ends])),
    ).toEqual({ on: true, modes: ['dtmf', 'speech'], noInputMs: 5000 });
    expect(listenMeta(flow([greetingNode, menuNode(), ...ends]))).toEqual({
      on: true,
      modes: ['dtmf', 'speech'],
      noInputMs: 3000,
    });
  });
});

describe('menu: keys only', () => {
  const keysOnly = menuNode({
    options: [
      { id: 'vendas', key: '1', keywords: [] },
      { id: 'suporte', key: '2', keywords: ['  '] },
    ],
    noMatch: { repeats: 0 },
  });

  it('listens for dtmf only when no option has a keyword', () => {
    const machine = compiled(flow([greetingNode, keysOnly, ...ends]));
    expect(listenOf(machine.states.menu?.states?.listening)).toMatchObject({ modes: ['dtmf'] });
  });

  it('ignores speech, instead of counting it as a wrong answer', () => {
    const h = atMenu(flow([greetingNode, keysOnly, ...ends]));
    h.endPrompt();
    h.send({ type: 'speech', text: 'vendas' });
    expect(h.state()).toEqual({ menu: 'listening' });
    expect(h.context()).toEqual({ noInput: 0, noMatch: 0 });
    h.send({ type: 'dtmf', digit: '1' });
    expect(h.log).toContain('enter: vendas');
  });
});

describe('menu: entering it again', () => {
  it('resets the counters when the menu is entered anew (menu -> noMatch -> message -> menu)', () => {
    const h = atMenu(
      flow([
        greetingNode,
        menuNode({ noMatch: { repeats: 1 } }, { ...connected, noMatch: 'denovo' }),
        {
          id: 'denovo',
          kind: 'message',
          data: { text: 'Vamos tentar de novo.' },
          connections: { next: 'menu' },
        },
        ...ends,
      ]),
    );
    h.endPrompt();
    h.send({ type: 'dtmf', digit: '9' }); // 1st wrong: repeat
    h.endPrompt();
    h.send({ type: 'dtmf', digit: '9' }); // 2nd wrong: noMatch port
    expect(h.state()).toBe('denovo');
    h.endPrompt();
    expect(h.state()).toEqual({ menu: 'prompt' });
    expect(h.context()).toEqual({ noInput: 0, noMatch: 0 });
    h.endPrompt();
    h.send({ type: 'dtmf', digit: '9' }); // a full repeat is available again
    expect(h.state()).toEqual({ menu: 'prompt' });
    expect(h.log.filter((s) => s === 'enter: denovo')).toHaveLength(1);
    h.endPrompt();
    h.send({ type: 'dtmf', digit: '9' });
    expect(h.log.filter((s) => s === 'enter: denovo')).toHaveLength(2);
  });

  it('re-enters itself through an option leading back to it, counters reset', () => {
    const h = atMenu(
      flow([
        greetingNode,
        menuNode(
          {
            options: [
              { id: 'vendas', key: '1', keywords: [] },
              { id: 'repetir', key: '9', keywords: ['repetir'] },
            ],
            noMatch: { repeats: 1 },
          },
          { 'option:vendas': 'vendas', 'option:repetir': 'menu', noMatch: 'invalida' },
        ),
        ...ends,
      ]),
    );
    h.endPrompt();
    h.send({ type: 'dtmf', digit: '4' });
    h.endPrompt();
    expect(h.context().noMatch).toBe(1);
    h.send({ type: 'speech', text: 'Repetir, por favor' });
    expect(h.log.filter((s) => s === 'enter: menu')).toHaveLength(2);
    expect(h.state()).toEqual({ menu: 'prompt' });
    expect(h.context()).toEqual({ noInput: 0, noMatch: 0 });
    h.endPrompt();
    h.send({ type: 'dtmf', digit: '4' }); // would take noMatch without the reset
    expect(h.state()).toEqual({ menu: 'prompt' });
    expect(h.log).not.toContain('enter: invalida');
  });

  it('re-enters itself through its noMatch port, counters reset', () => {
    const h = atMenu(
      flow([
        greetingNode,
        menuNode({ noMatch: { repeats: 0 } }, { ...connected, noMatch: 'menu' }),
        ...ends,
      ]),
    );
    h.endPrompt();
    h.send({ type: 'dtmf', digit: '4' });
    expect(h.log.slice(-2)).toEqual(['enter: menu', `say: ${PROMPT}`]);
    expect(h.state()).toEqual({ menu: 'prompt' });
    expect(h.context()).toEqual({ noInput: 0, noMatch: 0 });
  });
});

describe('menu: the caller hangs up', () => {
  it('ends with caller_hung_up while listening, and no timer fires afterwards', () => {
    const h = atMenu(flow([greetingNode, menuNode(), ...ends]));
    h.endPrompt();
    h.send({ type: 'call.ended', by: 'caller' });
    expect(h.done()).toBe(true);
    expect(h.log.at(-1)).toBe('end: caller_hung_up');
    const log = [...h.log];
    h.advance(60_000);
    expect(h.log).toEqual(log);
  });

  it('ends with caller_hung_up during the prompt, and later events change nothing', () => {
    silenceXstateWarnings();
    const h = atMenu(flow([greetingNode, menuNode(), ...ends]));
    h.send({ type: 'call.ended', by: 'network' });
    expect(h.state()).toBe('_callerHungUp');
    const log = [...h.log];
    h.endPrompt();
    h.send({ type: 'dtmf', digit: '1' });
    h.advance(60_000);
    expect(h.log).toEqual(log);
    expect(h.done()).toBe(true);
  });
});

/*
 * A text or keyword is "there" for the compiler exactly when it is for
 * validation and matching: a message of only spaces is no message, and a
 * keyword of only punctuation can never be said.
 */
describe('menu: blank texts and keywords', () => {
  it('treats a no-match message of only spaces like no message', () => {
    const h = atMenu(
      flow([greetingNode, menuNode({ noMatch: { repeats: 2, message: '   ' } }), ...ends]),
    );
    h.endPrompt();
    h.send({ type: 'dtmf', digit: '9' });
    expect(h.log.at(-1)).toBe(`say: ${PROMPT}`);
    expect(h.state()).toEqual({ menu: 'prompt' });
  });

  it('does not listen for speech when its only keywords are punctuation', () => {
    const doc = flow([
      greetingNode,
      menuNode({
        options: [
          { id: 'vendas', key: '1', keywords: ['?'] },
          { id: 'suporte', key: '2', keywords: [] },
        ],
        noMatch: { repeats: 0 },
      }),
      ...ends,
    ]);
    const machine = compiled(doc);
    expect(listenOf(machine.states.menu?.states?.listening)).toMatchObject({ modes: ['dtmf'] });
    const h = atMenu(doc);
    h.endPrompt();
    h.send({ type: 'speech', text: 'vendas' });
    expect(h.log).not.toContain('enter: invalida');
  });
});

describe('menu validation', () => {
  const codes = (doc: unknown) => validateFlow(doc).map((d) => d.code);

  it('has no diagnostics for a complete menu', () => {
    expect(validateFlow(flow([greetingNode, menuNode(), ...ends]))).toEqual([]);
  });

  it('refuses a menu without options (menu.noOptions)', () => {
    const doc = flow([greetingNode, menuNode({ options: [] }, {}), ...ends]);
    expect(validateFlow(doc)).toContainEqual(
      expect.objectContaining({
        code: 'menu.noOptions',
        severity: 'error',
        nodeId: 'menu',
        path: 'nodes[1].data.options',
      }),
    );
    expect(compileFlow(doc).machine).toBeNull();
  });

  it('refuses two options on the same key (menu.duplicateKey, on the second)', () => {
    const doc = flow([
      greetingNode,
      menuNode({
        options: [
          { id: 'vendas', key: '1', keywords: [] },
          { id: 'suporte', key: '1', keywords: [] },
        ],
      }),
      ...ends,
    ]);
    const found = validateFlow(doc).filter((d) => d.code === 'menu.duplicateKey');
    expect(found).toEqual([
      expect.objectContaining({
        severity: 'error',
        nodeId: 'menu',
        path: 'nodes[1].data.options[1].key',
      }),
    ]);
  });

  it('refuses keys that are not on a phone keypad (menu.invalidKey)', () => {
    const doc = flow([
      greetingNode,
      menuNode({
        options: [
          { id: 'vendas', key: 'A', keywords: [] },
          { id: 'suporte', key: '', keywords: [] },
          { id: 'outro', key: '10', keywords: [] },
          { id: 'estrela', key: '*', keywords: [] },
          { id: 'cerquilha', key: '#', keywords: [] },
        ],
      }),
      ...ends,
    ]);
    const found = validateFlow(doc).filter((d) => d.code === 'menu.invalidKey');
    expect(found.map((d) => [d.severity, d.nodeId, d.path])).toEqual([
      ['error', 'menu', 'nodes[1].data.options[0].key'],
      ['error', 'menu', 'nodes[1].data.options[1].key'],
      ['error', 'menu', 'nodes[1].data.options[2].key'],
    ]);
    expect(compileFlow(doc).machine).toBeNull();
  });

  it('warns when two options share a keyword, ignoring case and accents (menu.duplicateKeyword)', () => {
    const doc = flow([
      greetingNode,
      menuNode({
        options: [
          { id: 'vendas', key: '1', keywords: ['Técnico', 'vendas'] },
          { id: 'suporte', key: '2', keywords: ['suporte', 'TECNICO'] },
        ],
      }),
      ...ends,
    ]);
    const diagnostics = validateFlow(doc);
    expect(diagnostics.filter((d) => d.code === 'menu.duplicateKeyword')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        nodeId: 'menu',
        path: 'nodes[1].data.options[1].keywords',
      }),
    ]);
    expect(compileFlow(doc).machine).not.toBeNull();
  });

  it('does not warn about a keyword repeated within one option', () => {
    const doc = flow([
      greetingNode,
      menuNode({
        options: [
          { id: 'vendas', key: '1', keywords: ['vendas', 'Vendas'] },
          { id: 'suporte', key: '2', keywords: ['suporte'] },
        ],
      }),
      ...ends,
    ]);
    expect(codes(doc)).not.toContain('menu.duplicateKeyword');
  });

  it('warns when an earlier option’s keyword is inside a later one’s (menu.shadowedKeyword)', () => {
    const doc = flow([
      greetingNode,
      menuNode({
        options: [
          { id: 'vendas', key: '1', keywords: ['suporte'] },
          { id: 'suporte', key: '2', keywords: ['Suporte Técnico'] },
        ],
      }),
      ...ends,
    ]);
    expect(validateFlow(doc).filter((d) => d.code === 'menu.shadowedKeyword')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'nodes[1].data.options[1].keywords',
        message: expect.stringContaining('option 1') as string,
      }),
    ]);
    // The other way round is fine: the longer phrase is tried first.
    const reversed = flow([
      greetingNode,
      menuNode({
        options: [
          { id: 'vendas', key: '1', keywords: ['suporte técnico'] },
          { id: 'suporte', key: '2', keywords: ['suporte'] },
        ],
      }),
      ...ends,
    ]);
    expect(codes(reversed)).not.toContain('menu.shadowedKeyword');
  });

  it('warns about a keyword nobody can say (menu.emptyKeyword)', () => {
    const doc = flow([
      greetingNode,
      menuNode({
        options: [
          { id: 'vendas', key: '1', keywords: ['?!'] },
          { id: 'suporte', key: '2', keywords: ['suporte'] },
        ],
      }),
      ...ends,
    ]);
    expect(validateFlow(doc).filter((d) => d.code === 'menu.emptyKeyword')).toEqual([
      expect.objectContaining({ severity: 'warning', path: 'nodes[1].data.options[0].keywords' }),
    ]);
  });

  it('refuses two options with the same id (menu.duplicateOptionId)', () => {
    const doc = flow([
      greetingNode,
      menuNode({
        options: [
          { id: 'vendas', key: '1', keywords: [] },
          { id: 'vendas', key: '2', keywords: [] },
        ],
      }),
      ...ends,
    ]);
    expect(validateFlow(doc)).toContainEqual(
      expect.objectContaining({
        code: 'menu.duplicateOptionId',
        severity: 'error',
        nodeId: 'menu',
        path: 'nodes[1].data.options[1].id',
      }),
    );
    expect(compileFlow(doc).machine).toBeNull();
  });

  it('refuses an empty prompt (text.empty on data.prompt)', () => {
    expect(validateFlow(flow([greetingNode, menuNode({ prompt: ' ' }), ...ends]))).toContainEqual(
      expect.objectContaining({
        code: 'text.empty',
        severity: 'error',
        nodeId: 'menu',
        path: 'nodes[1].data.prompt',
      }),
    );
  });

  it('allows empty no-input and no-match messages (they are optional)', () => {
    const doc = flow([
      greetingNode,
      menuNode({ noInput: { repeats: 1, message: '' }, noMatch: { repeats: 1, message: '' } }),
      ...ends,
    ]);
    expect(codes(doc)).not.toContain('text.empty');
  });

  it('warns about a long no-input message (text.long on data.noInput.message)', () => {
    const long = Array.from({ length: 90 }, () => 'palavra').join(' ');
    const doc = flow([
      greetingNode,
      menuNode({ noInput: { repeats: 1, message: long }, noMatch: { repeats: 1, message: long } }),
      ...ends,
    ]);
    const paths = validateFlow(doc)
      .filter((d) => d.code === 'text.long')
      .map((d) => [d.severity, d.nodeId, d.path]);
    expect(paths).toEqual([
      ['warning', 'menu', 'nodes[1].data.noInput.message'],
      ['warning', 'menu', 'nodes[1].data.noMatch.message'],
    ]);
  });

  it('warns about each unconnected port: options, noInput, noMatch', () => {
    const doc = flow([greetingNode, menuNode({}, { 'option:vendas': 'vendas' }), ...ends]);
    const ports = validateFlow(doc)
      .filter((d) => d.code === 'port.unconnected')
      .map((d) => d.port);
    expect(ports).toEqual(['option:suporte', 'noInput', 'noMatch']);
  });
});
