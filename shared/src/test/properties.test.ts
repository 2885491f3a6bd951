import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileFlow } from '../compiler/compile.ts';
import { createFlow } from '../document/create.ts';
import { hasErrors, type Diagnostic } from '../document/diagnostic.ts';
import { nodeIdSchema } from '../document/ids.ts';
import { loadFlow, parseFlowJson, utf8Length } from '../document/load.ts';
import type { FlowDocument } from '../document/schema.ts';
import { kindOf } from '../nodes/index.ts';
import { validateFlow } from '../validation/validate.ts';
import {
  arbAgents,
  arbCallSteps,
  arbDocumentWithForbiddenKey,
  arbFlowDocument,
  arbLayout,
  arbMalformedJson,
  POLLUTION_MARK,
  type MalformedInput,
} from './arbitraries.ts';
import { callStarted, runCompiled } from './harness.ts';

const AT = '2026-11-24T10:00:00-03:00';

/** Flows that talk for a while before they end: many menus, few dead ends. */
const CONVERSATIONAL = {
  kindWeights: { menu: 5, aiAgent: 2, message: 2, schedule: 2, transfer: 2 },
  unconnectedOneIn: 20,
  minNodes: 4,
} as const;

const show = (value: unknown): string => JSON.stringify(value, null, 1);
const codes = (diagnostics: readonly Diagnostic[]): string[] => diagnostics.map((d) => d.code);

function expectWellFormedDiagnostic(d: Diagnostic): void {
  expect(['error', 'warning'], show(d)).toContain(d.severity);
  expect(typeof d.message === 'string' && d.message.trim() !== '', show(d)).toBe(true);
  expect(typeof d.code === 'string' && d.code !== '', show(d)).toBe(true);
}

/** A diagnostic about a node names one of the document, and its path and port agree with it. */
function expectDiagnosticFits(d: Diagnostic, doc: FlowDocument): void {
  expectWellFormedDiagnostic(d);
  if (d.nodeId === undefined) return;
  const node = doc.nodes.find((n) => n.id === d.nodeId);
  expect(node, `diagnostic about a node not in the document: ${show(d)}`).toBeDefined();
  const index = /^nodes\[(\d+)\]/.exec(d.path ?? '')?.[1];
  if (index !== undefined) expect(doc.nodes[Number(index)]?.id, show(d)).toBe(d.nodeId);
  if (d.port !== undefined && node) {
    const ports = kindOf(node)
      .ports(node.data)
      .map((p) => p.id);
    expect([...ports, ...Object.keys(node.connections)], show(d)).toContain(d.port);
  }
}

/** Changes every object, array and string reachable from `value`, in place. */
function scribble(value: unknown): void {
  if (Array.isArray(value)) {
    value.forEach(scribble);
    value.push('scribbled');
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (typeof record[key] === 'string') record[key] += '!';
      else scribble(record[key]);
    }
    record.scribbled = true;
  }
}

const expectPrototypesClean = (): void => {
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, POLLUTION_MARK)).toBe(false);
  expect(Object.prototype.hasOwnProperty.call(Array.prototype, POLLUTION_MARK)).toBe(false);
  expect(Object.prototype.hasOwnProperty.call(Function.prototype, POLLUTION_MARK)).toBe(false);
  expect(POLLUTION_MARK in {}).toBe(false);
};

/** How many times `key` is an own key somewhere in `value`. */
function countOwnKey(value: unknown, key: string): number {
  if (typeof value !== 'object' || value === null) return 0;
  const own = Object.prototype.hasOwnProperty.call(value, key) ? 1 : 0;
  return own + Object.values(value).reduce((sum: number, v) => sum + countOwnKey(v, key), 0);
}

describe('well-formed documents', () => {
  it('pass loadFlow, which keeps them as they are (the name trimmed)', () => {
    fc.assert(
      fc.property(arbFlowDocument(), (doc) => {
        const loaded = loadFlow(doc);
        expect(
          loaded.ok,
          `loadFlow refused a well-formed document: ${show(loaded.diagnostics)}`,
        ).toBe(true);
        expect(loaded.doc).toStrictEqual({
          ...doc,
          settings: { ...doc.settings, name: doc.settings.name.trim() },
        });
        const parsed = parseFlowJson(JSON.stringify(doc));
        expect(parsed.ok, show(parsed.diagnostics)).toBe(true);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('validate and compile without throwing; a machine comes back iff there is no error', () => {
    fc.assert(
      fc.property(arbFlowDocument(), (doc) => {
        const before = structuredClone(doc);
        const diagnostics = validateFlow(doc);
        const compiled = compileFlow(doc);
        expect(doc, 'validating or compiling changed the input').toStrictEqual(before);
        expect(compiled.machine === null, show(diagnostics)).toBe(hasErrors(diagnostics));
        expect(compiled.diagnostics).toStrictEqual(diagnostics);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('always compile when clean (texts, teams, valid menus and ranges, no silent loop)', () => {
    fc.assert(
      fc.property(arbFlowDocument({ clean: true }), (doc) => {
        const { machine, diagnostics } = compileFlow(doc);
        expect(
          machine,
          `errors: ${show(diagnostics.filter((d) => d.severity === 'error'))}`,
        ).not.toBeNull();
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('give diagnostics with a severity, a code, a message, and nodes, paths and ports of the document', () => {
    fc.assert(
      fc.property(arbFlowDocument(), (doc) => {
        for (const d of validateFlow(doc)) expectDiagnosticFits(d, doc);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('compile deterministically: same JSON again, for a clone, and for any layout', () => {
    const docAndLayout = arbFlowDocument().chain((doc) =>
      arbLayout(doc.nodes.map((n) => n.id)).map((layout) => ({ doc, layout })),
    );
    fc.assert(
      fc.property(docAndLayout, ({ doc, layout }) => {
        const first = compileFlow(doc);
        const json = JSON.stringify(first.machine);
        expect(JSON.stringify(compileFlow(doc).machine)).toBe(json);
        expect(JSON.stringify(compileFlow(structuredClone(doc)).machine)).toBe(json);
        const relaidOut = compileFlow({ ...doc, layout });
        expect(JSON.stringify(relaidOut.machine)).toBe(json);
        expect(relaidOut.diagnostics).toStrictEqual(first.diagnostics);
        expect(JSON.stringify(compileFlow({ ...doc, layout: { nodes: {} } }).machine)).toBe(json);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('compile to plain JSON that shares nothing with the input', () => {
    fc.assert(
      fc.property(arbFlowDocument({ clean: true }), (doc) => {
        const { machine } = compileFlow(doc);
        expect(machine).not.toBeNull();
        expect(JSON.parse(JSON.stringify(machine))).toStrictEqual(machine);
        const json = JSON.stringify(machine);
        scribble(doc);
        expect(JSON.stringify(machine), 'the machine changed with its input').toBe(json);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('run in xstate under any sequence of call events, and end with an outcome', () => {
    const call = arbFlowDocument({ clean: true, ...CONVERSATIONAL }).chain((doc) =>
      fc.record({ doc: fc.constant(doc), agents: arbAgents(doc), steps: arbCallSteps(doc) }),
    );
    fc.assert(
      fc.property(call, ({ doc, agents, steps }) => {
        const { machine } = compileFlow(doc);
        expect(machine).not.toBeNull();
        const h = runCompiled(machine!, { at: AT, agents });
        h.send(callStarted(AT));
        const greeting = doc.nodes.find((n) => n.kind === 'greeting')!;
        expect(h.log.slice(0, 2)).toEqual(['start', `enter: ${greeting.id}`]);
        for (const step of steps) {
          if (h.done()) break;
          if (step.type === 'advance') h.advance(step.ms);
          else h.send(step);
        }
        const ends = h.log.filter((entry) => entry.startsWith('end: '));
        if (h.done()) {
          expect(h.log.at(-1), show(h.log)).toMatch(
            /^end: (transferred|handed_off|hung_up|caller_hung_up)$/,
          );
          expect(ends, show(h.log)).toHaveLength(1);
        } else {
          expect(ends, show(h.log)).toEqual([]);
        }
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});

describe('malformed input', () => {
  it('never throws, never compiles, and is refused with the expected code', () => {
    fc.assert(
      fc.property(arbMalformedJson(), (input: MalformedInput) => {
        const loaded = loadFlow(input.value);
        const validated = validateFlow(input.value);
        const compiled = compileFlow(input.value);
        const parsed = parseFlowJson(input.text);
        const all = [
          ...loaded.diagnostics,
          ...validated,
          ...compiled.diagnostics,
          ...parsed.diagnostics,
        ];
        all.forEach(expectWellFormedDiagnostic);

        expect(compiled.machine, input.description).toBeNull();
        expect(hasErrors(compiled.diagnostics), input.description).toBe(true);
        expect(hasErrors(validated), input.description).toBe(true);
        if (input.refusedWith !== undefined) {
          expect(loaded.ok, input.description).toBe(false);
          expect(codes(loaded.diagnostics), input.description).toContain(input.refusedWith);
          expect(codes(compiled.diagnostics), input.description).toContain(input.refusedWith);
        }
        if (input.errorCode !== undefined) {
          expect(loaded.ok, `${input.description}: ${show(loaded.diagnostics)}`).toBe(true);
          expect(codes(compiled.diagnostics), input.description).toContain(input.errorCode);
        }
        if (typeof input.value !== 'string') {
          // The same value as JSON text gets the same answer.
          expect(parsed.diagnostics, input.description).toStrictEqual(loaded.diagnostics);
        }
        expectPrototypesClean();
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it('as text: parseFlowJson never throws and refuses what is not a JSON object', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string(),
      fc.json(),
      fc.json().map((json) => json.slice(0, -1)),
    );
    fc.assert(
      fc.property(text, fc.option(fc.nat(60), { nil: undefined }), (source, maxBytes) => {
        const result =
          maxBytes === undefined ? parseFlowJson(source) : parseFlowJson(source, maxBytes);
        expect(result.ok).toBe(false);
        expect(result.doc).toBeNull();
        expect(result.diagnostics.length).toBeGreaterThan(0);
        result.diagnostics.forEach(expectWellFormedDiagnostic);
        let raw: unknown;
        let isJson = true;
        try {
          raw = JSON.parse(source);
        } catch {
          isJson = false;
        }
        const expected =
          maxBytes !== undefined && utf8Length(source) > maxBytes
            ? 'document.tooLarge'
            : !isJson
              ? 'document.invalidJson'
              : typeof raw !== 'object' || raw === null || Array.isArray(raw)
                ? 'document.notObject'
                : undefined;
        if (expected !== undefined) expect(codes(result.diagnostics)).toEqual([expected]);
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it('with an own "__proto__" key anywhere is refused as document.forbiddenKey, polluting nothing', () => {
    fc.assert(
      fc.property(arbDocumentWithForbiddenKey(['__proto__']), (input) => {
        expect(countOwnKey(input.value, '__proto__'), input.description).toBe(1);
        for (const result of [loadFlow(input.value), parseFlowJson(input.text)]) {
          expect(result.ok).toBe(false);
          expect(result.diagnostics).toHaveLength(1);
          expect(result.diagnostics[0]!.code).toBe('document.forbiddenKey');
          expect(result.diagnostics[0]!.path, input.description).toMatch(/(^|\.)__proto__$/);
        }
        expect(codes(validateFlow(input.value))).toEqual(['document.forbiddenKey']);
        const compiled = compileFlow(input.value);
        expect(compiled.machine).toBeNull();
        expect(codes(compiled.diagnostics)).toEqual(['document.forbiddenKey']);
        expectPrototypesClean();
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});

/** Bugs the properties found, kept as examples so they stay fixed. */
describe('found by the properties', () => {
  it('refuses "constructor" and "prototype" as node ids, since ids are keys of the layout', () => {
    expect(nodeIdSchema.safeParse('constructor').success).toBe(false);
    expect(nodeIdSchema.safeParse('prototype').success).toBe(false);
    const doc = createFlow('Loja');
    doc.nodes[1]!.id = 'constructor';
    doc.nodes[0]!.connections.next = 'constructor';
    doc.layout.nodes = {};
    expect(loadFlow(doc).diagnostics).toEqual([
      expect.objectContaining({ path: 'nodes[1].id', nodeId: 'constructor' }),
    ]);
  });

  it('never throws, even on a schemaVersion JSON cannot hold (a BigInt)', () => {
    const doc = { ...createFlow('Loja'), schemaVersion: 1n };
    expect(loadFlow(doc).diagnostics[0]).toMatchObject({ code: 'document.badVersion' });
    expect(() => validateFlow(doc)).not.toThrow();
    expect(compileFlow(doc).machine).toBeNull();
  });

  it('measures the size limit in UTF-8 bytes, not characters', () => {
    expect(utf8Length('aé€😀')).toBe(1 + 2 + 3 + 4);
    expect(parseFlowJson('"éééé"', 9).diagnostics[0]?.code).toBe('document.tooLarge');
    expect(parseFlowJson('"éééé"', 10).diagnostics[0]?.code).toBe('document.notObject');
  });
});
