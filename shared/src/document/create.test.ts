import { describe, expect, it } from 'vitest';
import { compileFlow } from '../compiler/compile.ts';
import { nodeKindNames, nodeKinds } from '../nodes/index.ts';
import { validateDocument } from '../validation/validate.ts';
import { createFlow, createNode } from './create.ts';
import { flowLanguageOf, flowLanguages } from './language.ts';
import { loadFlow } from './load.ts';

/** What a flow says, node by node: the texts a caller hears. */
const spoken = (doc: ReturnType<typeof createFlow>) =>
  doc.nodes.map((n) => ('text' in n.data ? [n.id, n.data.text] : [n.id]));

describe('createFlow', () => {
  it.each(flowLanguages)(
    'makes a valid %s flow that compiles: a greeting that says goodbye',
    (language) => {
      const doc = createFlow('Nova recepção', language);
      expect(loadFlow(doc).ok).toBe(true);
      expect(validateDocument(doc)).toEqual([]);
      expect(compileFlow(doc).machine).not.toBeNull();
      expect(doc.nodes.map((n) => n.kind)).toEqual(['greeting', 'hangup']);
      expect(doc.settings.locale).toBe(language);
    },
  );

  it('speaks Spanish in a flow created in es', () => {
    expect(spoken(createFlow('Recepción', 'es'))).toEqual([
      ['greeting', '¡Hola! Gracias por llamar.'],
      ['adios', 'Gracias por su llamada. Hasta luego.'],
    ]);
  });

  it('speaks English in a flow created in en', () => {
    expect(spoken(createFlow('Reception', 'en'))).toEqual([
      ['greeting', 'Hello! Thank you for calling.'],
      ['goodbye', 'Thank you for calling. Goodbye.'],
    ]);
  });

  it('speaks Portuguese in a flow created in pt-BR, the default', () => {
    const expected = [
      ['greeting', 'Olá! Obrigado por ligar.'],
      ['tchau', 'Obrigado pela ligação. Até logo.'],
    ];
    expect(spoken(createFlow('Recepção', 'pt-BR'))).toEqual(expected);
    expect(spoken(createFlow('Recepção'))).toEqual(expected);
  });

  it('connects the greeting to the hang-up and lays both out, whatever the hang-up is called', () => {
    const doc = createFlow('Recepción', 'es');
    expect(doc.nodes[0]?.connections).toEqual({ next: 'adios' });
    expect(Object.keys(doc.layout.nodes)).toEqual(['greeting', 'adios']);
  });
});

describe('createNode', () => {
  it.each(nodeKindNames)('gives a %s node data its own schema accepts', (kind) => {
    for (const language of flowLanguages) {
      const node = createNode(kind, 'n1', language);
      expect(nodeKinds[kind].schema.safeParse(node).success).toBe(true);
      expect(node.connections).toEqual({});
    }
  });

  it("writes a menu's prompt and no-match message in the flow's language", () => {
    const texts = (language: (typeof flowLanguages)[number]) => {
      const { data } = createNode('menu', 'menu', language);
      return [data.prompt, data.noMatch.message];
    };
    expect(texts('es')).toEqual([
      'Para ventas, marque 1. Para soporte, marque 2.',
      'Opción no válida.',
    ]);
    expect(texts('en')).toEqual(['For sales, press 1. For support, press 2.', 'Invalid option.']);
    expect(texts('pt-BR')).toEqual([
      'Para vendas, digite 1. Para suporte, digite 2.',
      'Opção inválida.',
    ]);
  });

  it('gives each node fresh data, never shared between nodes', () => {
    const a = createNode('menu', 'a', 'es');
    const b = createNode('menu', 'b', 'es');
    expect(a.data).not.toBe(b.data);
    expect(a.data.options).not.toBe(b.data.options);
  });
});

describe('flowLanguageOf', () => {
  it.each([
    ['pt-BR', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['es', 'es'],
    ['es-MX', 'es'],
    ['en-GB', 'en'],
    ['fr-FR', 'en'],
    ['', 'en'],
  ] as const)('reads %j as %s', (locale, language) => {
    expect(flowLanguageOf(locale)).toBe(language);
  });
});
