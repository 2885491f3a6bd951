/**
 * fast-check arbitraries for flow documents: well-formed ones (every field
 * valid for its schema, connections from real ports to real nodes) and
 * malformed inputs (garbage, and valid documents with one mutation). Used by
 * `properties.test.ts`; reusable by any property test of the package.
 */
import fc from 'fast-check';
import type { CallEvent } from '../compiler/events.ts';
import {
  CURRENT_SCHEMA_VERSION,
  type FlowDocument,
  type FlowLayout,
  type FlowSettings,
} from '../document/schema.ts';
import {
  kindOf,
  nodeKindNames,
  nodeKinds,
  type FlowNode,
  type NodeKindName,
  type NodeOfKind,
} from '../nodes/index.ts';
import { nodeIdSchema } from '../document/ids.ts';
import { DTMF_KEYS } from '../nodes/menu/match.ts';
import type { MenuData, MenuOption } from '../nodes/menu/schema.ts';
import { weekdays, type Holiday, type Schedule, type WeeklyRange } from '../schedules/schema.ts';
import { RESERVED_NODE_IDS } from '../validation/validate.ts';

// ---- Pools ----

/** Real IANA zones: DST in both hemispheres, none, half-hour and 45-minute offsets. */
export const TIME_ZONES = [
  'America/Sao_Paulo',
  'America/New_York',
  'America/Mexico_City',
  'Europe/Lisbon',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'UTC',
] as const;

export const LOCALES = ['pt-BR', 'es', 'en-US'] as const;

export const TEAMS = ['vendas', 'suporte', 'financeiro', 'recepção', 'Atendimento 24h'] as const;

/** Words callers say and prompts use; menus draw their keywords from here too. */
export const KEYWORDS = [
  'vendas',
  'suporte',
  'Técnico',
  'financeiro',
  'boleto',
  'atendente',
  'humano',
  'sim',
  'não',
  'ventas',
  'sales',
] as const;

const WORDS = [
  ...KEYWORDS,
  'olá',
  'obrigado',
  'por',
  'ligar',
  'para',
  'digite',
  'um',
  'dois',
  'três',
  'ou',
  'diga',
  'aguarde',
  'estamos',
  'fechados',
  'hola',
  'gracias',
  'hello',
  'São',
  'Paulo',
  'ação',
  '24h',
] as const;

/** Records as JSON.parse makes them (fast-check may otherwise draw null-prototype objects). */
const PLAIN = { noNullPrototype: true } as const;

const NODE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/**
 * Ids the id schema accepts that are also names of JS object members, of the
 * compiler's own substates (`prompt`, `listening`...) or integer-like (which
 * objects enumerate first).
 */
export const TRICKY_IDS = [
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'then',
  'length',
  'prompt',
  'listening',
  'waiting',
  'speaking',
  'closingDone',
  'ringing',
  'checking',
  'goodbye',
  'callbot',
  'greeting',
  '0',
  '1',
  '10',
  '007',
  'a-b_c',
  'x'.repeat(64),
] as const;

// ---- Small pieces ----

/**
 * A node id matching `nodeIdSchema`; a clean one is not named like an
 * `Object.prototype` member either (validation refuses those: `node.reservedId`).
 */
export function arbNodeId(clean = false): fc.Arbitrary<string> {
  const tricky = TRICKY_IDS.filter((id) => !clean || !RESERVED_NODE_IDS.has(id));
  return fc
    .oneof(
      {
        weight: 3,
        arbitrary: fc.stringMatching(NODE_ID).filter((id) => nodeIdSchema.safeParse(id).success),
      },
      {
        weight: 3,
        arbitrary: fc
          .tuple(fc.constantFrom('menu', 'msg', 't', 'bot', 'ai', 'fim', 'horario'), fc.nat(99))
          .map(([prefix, n]) => `${prefix}-${n}`),
      },
      { weight: 1, arbitrary: fc.constantFrom(...tricky) },
    )
    .filter((id) => !clean || !RESERVED_NODE_IDS.has(id));
}

const arbOptionId: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.stringMatching(NODE_ID) },
  { weight: 2, arbitrary: fc.constantFrom('vendas', 'suporte', 'opt1', 'opt2', '1', 'toString') },
);

const arbSentence: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 })
  .map((words) => words.join(' '));

/** More than 30 s of speech: validation warns (`text.long`), still within 2000 characters. */
const arbLongSentence: fc.Arbitrary<string> = fc.integer({ min: 80, max: 300 }).map((n) =>
  Array.from({ length: n }, (_, i) => WORDS[i % WORDS.length])
    .join(' ')
    .slice(0, 2000),
);

/** Unicode text of at most `max` UTF-16 units (what zod's `max` counts). */
const arbUnicode = (minLength: number, maxLength: number, max: number): fc.Arbitrary<string> =>
  fc.string({ unit: 'grapheme', minLength, maxLength }).filter((s) => s.length <= max);

const nonBlank = (s: string): boolean => s.trim() !== '';

/** Something the bot says; `clean` texts have words, otherwise they may be empty or blank. */
function arbSpokenText(clean: boolean): fc.Arbitrary<string> {
  const said = fc.oneof(
    { weight: 12, arbitrary: arbSentence },
    { weight: 4, arbitrary: arbUnicode(1, 60, 2000).filter(nonBlank) },
    { weight: 1, arbitrary: arbLongSentence },
  );
  return clean
    ? said
    : fc.oneof(
        { weight: 3, arbitrary: said },
        { weight: 1, arbitrary: fc.constantFrom('', ' ', '\n\t') },
      );
}

/** A name (team, bot, endpoint) of at most 120 characters; blank unless `clean`. */
function arbName(clean: boolean, pool: readonly string[]): fc.Arbitrary<string> {
  const named = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...pool) },
    { weight: 1, arbitrary: arbUnicode(1, 30, 120).filter(nonBlank) },
  );
  return clean
    ? named
    : fc.oneof(
        { weight: 3, arbitrary: named },
        { weight: 1, arbitrary: fc.constantFrom('', '  ') },
      );
}

const arbLabel = (max: number): fc.Arbitrary<string> =>
  fc.oneof(
    arbSentence.filter((s) => s.length <= max),
    arbUnicode(0, 20, max),
  );

const pad2 = (n: number): string => String(n).padStart(2, '0');
const formatMinutes = (m: number): string => `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`;

const arbMinute: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 0, max: 1440 }),
  fc.constantFrom(0, 480, 540, 720, 780, 1080, 1439, 1440),
);

/** Opening ranges that are never empty nor overlap: sorted distinct points of a day, paired. */
const arbCleanWeekly: fc.Arbitrary<WeeklyRange[]> = fc
  .tuple(
    ...weekdays.map((day) =>
      fc.uniqueArray(arbMinute, { maxLength: 6 }).map((points): WeeklyRange[] => {
        const sorted = [...points].sort((a, b) => a - b);
        const ranges: WeeklyRange[] = [];
        for (let i = 0; i + 1 < sorted.length; i += 2) {
          ranges.push({
            day,
            start: formatMinutes(sorted[i]!),
            end: formatMinutes(sorted[i + 1]!),
          });
        }
        return ranges;
      }),
    ),
  )
  .map((days) => days.flat())
  .chain((ranges) =>
    fc.shuffledSubarray(ranges, { minLength: ranges.length, maxLength: ranges.length }),
  );

/** Any ranges: possibly empty (start >= end) or overlapping. */
const arbAnyWeekly: fc.Arbitrary<WeeklyRange[]> = fc.array(
  fc.record(
    {
      day: fc.constantFrom(...weekdays),
      start: arbMinute.map(formatMinutes),
      end: arbMinute.map(formatMinutes),
    },
    PLAIN,
  ),
  { maxLength: 8 },
);

const arbDate: fc.Arbitrary<string> = fc.oneof(
  fc
    .date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2099-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2026-11-24', '2026-12-25', '2028-02-29'),
);

const arbHolidays: fc.Arbitrary<Holiday[]> = fc.array(
  fc.record(
    { date: arbDate, name: arbLabel(120) },
    { requiredKeys: ['date'], noNullPrototype: true },
  ),
  { maxLength: 4 },
);

function arbScheduleData(clean: boolean): fc.Arbitrary<Schedule> {
  return fc.record(
    {
      timeZone: fc.constantFrom(...TIME_ZONES),
      weekly: clean ? arbCleanWeekly : fc.oneof(arbCleanWeekly, arbAnyWeekly),
      holidays: arbHolidays,
    },
    { requiredKeys: ['weekly', 'holidays'], noNullPrototype: true },
  );
}

const arbKeywords: fc.Arbitrary<string[]> = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...KEYWORDS) },
    { weight: 1, arbitrary: arbUnicode(0, 12, 80) },
  ),
  { maxLength: 3 },
);

const arbOptionExtras = fc.record(
  { keywords: arbKeywords, label: arbLabel(80) },
  { requiredKeys: ['keywords'], noNullPrototype: true },
);

/** 1-4 options with distinct ids and distinct phone keys. */
const arbCleanOptions: fc.Arbitrary<MenuOption[]> = fc
  .integer({ min: 1, max: 4 })
  .chain((n) =>
    fc
      .tuple(
        fc.uniqueArray(arbOptionId, { minLength: n, maxLength: n }),
        fc.shuffledSubarray([...DTMF_KEYS], { minLength: n, maxLength: n }),
        fc.array(arbOptionExtras, { minLength: n, maxLength: n }),
      )
      .map(([ids, keys, extras]) => ids.map((id, i) => ({ id, key: keys[i]!, ...extras[i]! }))),
  );

/** 0-4 options, ids and keys possibly repeated, keys possibly not phone keys. */
const arbAnyOptions: fc.Arbitrary<MenuOption[]> = fc.array(
  fc
    .record(
      {
        id: arbOptionId,
        key: fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...DTMF_KEYS) },
          { weight: 1, arbitrary: fc.constantFrom('', 'A', '12', '**', ' 1') },
        ),
      },
      PLAIN,
    )
    .chain((base) => arbOptionExtras.map((extras) => ({ ...base, ...extras }))),
  { maxLength: 4 },
);

function arbMenuData(clean: boolean): fc.Arbitrary<MenuData> {
  return fc.record(
    {
      prompt: arbSpokenText(clean),
      options: clean ? arbCleanOptions : fc.oneof(arbCleanOptions, arbAnyOptions),
      noInput: fc.record(
        {
          timeoutMs: fc.integer({ min: 1000, max: 120_000 }),
          repeats: fc.integer({ min: 0, max: 9 }),
          message: arbSpokenText(false),
        },
        { requiredKeys: ['repeats'], noNullPrototype: true },
      ),
      noMatch: fc.record(
        { repeats: fc.integer({ min: 0, max: 9 }), message: arbSpokenText(false) },
        { requiredKeys: ['repeats'], noNullPrototype: true },
      ),
    },
    PLAIN,
  );
}

/** A node without its id, label and connections: its kind and data. */
export type NodeBody = { [K in NodeKindName]: Pick<NodeOfKind<K>, 'kind' | 'data'> }[NodeKindName];

/** Data valid for the kind's schema; `clean` data also passes the kind's own validation. */
export function arbNodeBody(kind: NodeKindName, clean: boolean): fc.Arbitrary<NodeBody> {
  switch (kind) {
    case 'greeting':
    case 'message':
      return arbSpokenText(clean).map((text) => ({ kind, data: { text } }));
    case 'hangup':
      return arbSpokenText(false).map((text) => ({ kind, data: { text } }));
    case 'menu':
      return arbMenuData(clean).map((data) => ({ kind, data }));
    case 'schedule':
      return arbScheduleData(clean).map((data) => ({ kind, data }));
    case 'transfer':
      return arbName(clean, TEAMS).map((team) => ({ kind, data: { team } }));
    case 'fallbackBot':
      return arbName(clean, ['bot-fora-do-horario', 'bot-vendas']).map((bot) => ({
        kind,
        data: { bot },
      }));
    case 'aiAgent':
      return fc
        .record(
          {
            instructions: arbSpokenText(clean),
            endpoint: arbName(clean, ['default', 'local']),
          },
          PLAIN,
        )
        .map((data) => ({ kind, data }));
  }
}

export function arbSettings(clean: boolean): fc.Arbitrary<FlowSettings> {
  const name = fc.oneof(arbSentence, arbUnicode(1, 30, 100).filter(nonBlank));
  return fc.record(
    {
      // zod trims the name; rough documents pad it to show that loading does.
      name: clean
        ? name
        : fc.oneof(
            name,
            name.map((n) => ` ${n}  `),
          ),
      timeZone: fc.constantFrom(...TIME_ZONES),
      locale: fc.constantFrom(...LOCALES),
      noInputTimeoutMs: fc.integer({ min: 1000, max: 120_000 }),
    },
    PLAIN,
  );
}

const arbCoordinate: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -5000, max: 5000 }),
  // `+ 0` turns -0 into 0, which JSON would do anyway.
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => v + 0),
);

/** Positions for some of `ids`. */
export function arbLayout(ids: readonly string[]): fc.Arbitrary<FlowLayout> {
  return fc.subarray([...ids]).chain((placed) =>
    fc
      .array(fc.record({ x: arbCoordinate, y: arbCoordinate }, PLAIN), {
        minLength: placed.length,
        maxLength: placed.length,
      })
      .map((points) => ({ nodes: Object.fromEntries(placed.map((id, i) => [id, points[i]!])) })),
  );
}

/** Each port connected to one of `targets`, or (one time in `unconnectedOneIn`) left unconnected. */
function arbConnections(
  ports: readonly string[],
  targets: readonly string[],
  unconnectedOneIn: number,
): fc.Arbitrary<Record<string, string>> {
  if (ports.length === 0 || targets.length === 0) return fc.constant({});
  return fc
    .array(fc.option(fc.constantFrom(...targets), { nil: undefined, freq: unconnectedOneIn }), {
      minLength: ports.length,
      maxLength: ports.length,
    })
    .map((chosen) =>
      Object.fromEntries(
        ports.flatMap((port, i) => (chosen[i] === undefined ? [] : [[port, chosen[i]]])),
      ),
    );
}

export interface FlowDocumentOptions {
  /**
   * `true`: documents validation accepts without errors (texts to say, teams,
   * valid menus and ranges, no loop where the bot never listens), so they
   * always compile. `false`: any schema-valid content (empty texts, bad menu
   * keys, empty ranges, silent loops). Default: either.
   */
  clean?: boolean;
  /** Number of nodes, greeting included (default 1 to 25). */
  minNodes?: number;
  maxNodes?: number;
  /** How often each kind is drawn besides the one greeting (default 1 each; 0 leaves a kind out). */
  kindWeights?: Partial<Record<Exclude<NodeKindName, 'greeting'>, number>>;
  /** Each port is left unconnected one time in this many (default 5). */
  unconnectedOneIn?: number;
}

/**
 * A well-formed flow document (it passes `loadFlow`): version 1, valid
 * settings, exactly one greeting, 1-25 nodes of every kind with unique valid
 * ids, data valid for each kind's schema, connections from each node's own
 * ports to existing nodes (some left unconnected), and positions for some
 * nodes. Built in two phases: ids, kinds and data first, then connections
 * (which need the ports of the data) and layout.
 */
export function arbFlowDocument(options: FlowDocumentOptions = {}): fc.Arbitrary<FlowDocument> {
  const { clean, minNodes = 1, maxNodes = 25, kindWeights = {}, unconnectedOneIn = 5 } = options;
  if (clean === undefined) {
    return fc.oneof(
      arbFlowDocument({ ...options, clean: true }),
      arbFlowDocument({ ...options, clean: false }),
    );
  }
  const otherKinds = nodeKindNames.flatMap((kind) =>
    kind === 'greeting' || kindWeights[kind] === 0
      ? []
      : [{ weight: kindWeights[kind] ?? 1, arbitrary: fc.constant(kind) }],
  );
  // Small flows are common and quick to shrink to; large ones (up to `maxNodes`) come up too.
  const nodeCount = fc.oneof(
    fc.integer({ min: minNodes, max: Math.max(minNodes, Math.min(maxNodes, 8)) }),
    fc.integer({ min: minNodes, max: maxNodes }),
  );
  return nodeCount
    .chain((n) => fc.array(fc.oneof(...otherKinds), { minLength: n - 1, maxLength: n - 1 }))
    .chain((kinds) => {
      // The greeting comes first in "rank"; the document's node order is shuffled separately.
      const all: NodeKindName[] = ['greeting', ...kinds];
      const n = all.length;
      return fc.record({
        settings: arbSettings(clean),
        ids: fc.uniqueArray(arbNodeId(clean), { minLength: n, maxLength: n }),
        bodies: fc.tuple(...all.map((kind) => arbNodeBody(kind, clean))),
        labels: fc.array(fc.option(arbLabel(120), { nil: undefined, freq: 3 }), {
          minLength: n,
          maxLength: n,
        }),
        order: fc.shuffledSubarray(
          all.map((_, i) => i),
          { minLength: n, maxLength: n },
        ),
      });
    })
    .chain(({ settings, ids, bodies, labels, order }) => {
      const listens = bodies.map((b) => nodeKinds[b.kind].listens);
      // Clean documents have no loop of nodes that never listen: a silent node
      // leads only to listening nodes or to silent nodes of a higher rank.
      const targetsOf = (rank: number): string[] =>
        clean && !listens[rank] ? ids.filter((_, j) => listens[j] || j > rank) : ids;
      const portsOf = (body: NodeBody): string[] =>
        kindOf({ id: 'x', ...body, connections: {} })
          .ports(body.data)
          .map((p) => p.id);
      return fc
        .record({
          connections: fc.tuple(
            ...bodies.map((body, rank) =>
              arbConnections(portsOf(body), targetsOf(rank), unconnectedOneIn),
            ),
          ),
          layout: arbLayout(ids),
        })
        .map(({ connections, layout }): FlowDocument => ({
          schemaVersion: CURRENT_SCHEMA_VERSION,
          settings,
          nodes: order.map((rank) => {
            const label = labels[rank];
            return {
              id: ids[rank]!,
              kind: bodies[rank]!.kind,
              ...(label !== undefined && { label }),
              data: bodies[rank]!.data,
              connections: connections[rank]!,
            } as FlowNode;
          }),
          layout,
        }));
    });
}

// ---- Calls ----

/** One thing that happens during a call, for driving a compiled machine with the harness. */
export type CallStep =
  Exclude<CallEvent, { type: 'call.started' }> | { type: 'advance'; ms: number };

/** What a flow listens for: its menus' keys and keywords, and its transfers' teams. */
function heardIn(doc: FlowDocument | undefined): {
  keys: string[];
  words: string[];
  teams: string[];
} {
  const keys: string[] = [];
  const words: string[] = [];
  const teams: string[] = [];
  for (const node of doc?.nodes ?? []) {
    if (node.kind === 'menu') {
      for (const option of node.data.options) {
        keys.push(option.key);
        words.push(...option.keywords);
      }
    } else if (node.kind === 'transfer') {
      teams.push(node.data.team);
    }
  }
  return { keys, words, teams };
}

/**
 * One step of a call, other than its end. With a document, keys and words
 * its menus know come up often, so calls get past the menus.
 */
export function arbCallStep(doc?: FlowDocument): fc.Arbitrary<CallStep> {
  const { keys, words } = heardIn(doc);
  const digits = DTMF_KEYS.filter((k) => keys.includes(k));
  const anyDigit = fc.constantFrom(...DTMF_KEYS);
  const anyText = fc.oneof(fc.constantFrom(...KEYWORDS), arbSentence, fc.string({ maxLength: 20 }));
  return fc.oneof(
    { weight: 16, arbitrary: fc.constant({ type: 'prompt.ended' as const }) },
    {
      weight: 6,
      arbitrary: fc.record(
        {
          type: fc.constant('dtmf' as const),
          digit:
            digits.length > 0
              ? fc.oneof(anyDigit, fc.constantFrom(...digits), fc.constantFrom(...digits))
              : anyDigit,
        },
        PLAIN,
      ),
    },
    {
      weight: 4,
      arbitrary: fc.record(
        {
          type: fc.constant('speech' as const),
          text: words.length > 0 ? fc.oneof(anyText, fc.constantFrom(...words)) : anyText,
        },
        PLAIN,
      ),
    },
    {
      weight: 2,
      arbitrary: fc.record(
        {
          type: fc.constant('transfer.result' as const),
          outcome: fc.constantFrom(
            'answered' as const,
            'no_answer' as const,
            'busy' as const,
            'failed' as const,
          ),
        },
        PLAIN,
      ),
    },
    {
      weight: 4,
      arbitrary: fc.record(
        {
          type: fc.constant('agent.reply' as const),
          text: fc.oneof(fc.constant(''), arbSentence),
          done: fc.boolean(),
          transfer: fc.boolean(),
        },
        { requiredKeys: ['type', 'text'], noNullPrototype: true },
      ),
    },
    {
      weight: 4,
      arbitrary: fc.record(
        {
          type: fc.constant('advance' as const),
          ms: fc.oneof(fc.integer({ min: 0, max: 130_000 }), fc.constantFrom(1000, 5000, 120_000)),
        },
        PLAIN,
      ),
    },
  );
}

/**
 * A call after `call.started`: up to 60 steps, sometimes ended by the caller
 * or the network. With a document, fitted to it (see `arbCallStep`).
 */
export function arbCallSteps(doc?: FlowDocument): fc.Arbitrary<CallStep[]> {
  const hangUp = fc.record(
    {
      type: fc.constant('call.ended' as const),
      by: fc.constantFrom('caller' as const, 'network' as const),
    },
    PLAIN,
  );
  return fc
    .tuple(
      fc.array(arbCallStep(doc), { maxLength: 60, size: 'max' }),
      fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: hangUp }),
    )
    .map(([steps, end]) => (end === undefined ? steps : [...steps, end]));
}

/** How many agents each team has free (missing teams have none); with a document, its teams. */
export function arbAgents(doc?: FlowDocument): fc.Arbitrary<Record<string, number>> {
  const teams = [...new Set([...TEAMS, ...heardIn(doc).teams])];
  return fc.dictionary(fc.constantFrom(...teams), fc.integer({ min: 0, max: 2 }), {
    noNullPrototype: true,
  });
}

// ---- Malformed inputs ----

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
type Path = (string | number)[];

/** Something that is not a valid flow, and what the loader must say about it. */
export interface MalformedInput {
  /** How it was made, for failure reports. */
  description: string;
  /** The input: a JSON value (objects may have own `__proto__` keys, made by JSON.parse). */
  value: unknown;
  /**
   * Text for `parseFlowJson`: the JSON of `value`, or for random strings the
   * string itself (rarely JSON).
   */
  text: string;
  /** `loadFlow` must refuse it with a diagnostic of this code. */
  refusedWith?: string;
  /** It loads, but validation must report an error of this code. */
  errorCode?: string;
}

const isObject = (v: Json): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isPlainObject = (v: unknown): boolean => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/** Whether JSON can carry `v` as it is (finite numbers, dense arrays, plain objects, no undefined). */
export function isJsonable(v: unknown): boolean {
  const todo: unknown[] = [v];
  while (todo.length > 0) {
    const x = todo.pop();
    if (x === null || typeof x === 'boolean' || typeof x === 'string') continue;
    if (typeof x === 'number') {
      if (!Number.isFinite(x) || Object.is(x, -0)) return false;
      continue;
    }
    if (Array.isArray(x)) {
      if (Object.keys(x).length !== x.length) return false;
      todo.push(...(x as unknown[]));
      continue;
    }
    if (!isPlainObject(x)) return false;
    if (Object.getOwnPropertySymbols(x).length > 0) return false;
    todo.push(...Object.values(x as Record<string, unknown>));
  }
  return true;
}

/** Every position below the root: its path, its value, and whether its parent is an object. */
function positions(root: Json): { path: Path; value: Json; inObject: boolean }[] {
  const out: { path: Path; value: Json; inObject: boolean }[] = [];
  const todo: { path: Path; value: Json }[] = [{ path: [], value: root }];
  while (todo.length > 0) {
    const { path, value } = todo.pop()!;
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        out.push({ path: [...path, i], value: item, inObject: false });
        todo.push({ path: [...path, i], value: item });
      });
    } else if (isObject(value)) {
      for (const [key, item] of Object.entries(value)) {
        out.push({ path: [...path, key], value: item, inObject: true });
        todo.push({ path: [...path, key], value: item });
      }
    }
  }
  return out;
}

function getAt(root: Json, path: Path): Json {
  let here: Json = root;
  for (const key of path) {
    if (Array.isArray(here) && typeof key === 'number') here = here[key]!;
    else if (isObject(here) && typeof key === 'string') here = here[key]!;
    else throw new Error(`no value at ${JSON.stringify(path)}`);
  }
  return here;
}

function setAt(root: Json, path: Path, value: Json): void {
  const parent = getAt(root, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (Array.isArray(parent) && typeof key === 'number') parent[key] = value;
  else if (isObject(parent) && typeof key === 'string') parent[key] = value;
  else throw new Error(`cannot set ${JSON.stringify(path)}`);
}

function deleteAt(root: Json, path: Path): void {
  const parent = getAt(root, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (isObject(parent) && typeof key === 'string') delete parent[key];
  else throw new Error(`cannot delete ${JSON.stringify(path)}`);
}

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

/** Records (`connections`, `layout.nodes`) whose entries are all optional and whose keys are ids. */
const isRecordPath = (path: Path): boolean =>
  path[path.length - 1] === 'connections' ||
  (path.length === 2 && path[0] === 'layout' && path[1] === 'nodes');

/** Fields a flow may leave out: record entries, labels, messages, timeouts, a schedule's zone, holiday names. */
function isOptionalField(path: Path): boolean {
  const key = path[path.length - 1];
  const parent = path.slice(0, -1);
  if (isRecordPath(parent)) return true;
  if (key === 'label' || key === 'message' || key === 'timeoutMs') return true;
  if (key === 'timeZone' && parent[parent.length - 1] === 'data') return true;
  return key === 'name' && typeof parent[parent.length - 1] === 'number';
}

/** Every field name of the schema: an "unknown field" is none of these. */
const KNOWN_FIELDS = new Set([
  ...[
    'schemaVersion',
    'settings',
    'nodes',
    'layout',
    'name',
    'timeZone',
    'locale',
    'noInputTimeoutMs',
  ],
  ...[
    'id',
    'kind',
    'label',
    'data',
    'connections',
    'text',
    'prompt',
    'options',
    'noInput',
    'noMatch',
  ],
  ...['key', 'keywords', 'timeoutMs', 'repeats', 'message', 'weekly', 'holidays', 'day', 'start'],
  ...['end', 'date', 'team', 'bot', 'instructions', 'endpoint', 'x', 'y'],
]);
const UNKNOWN_FIELDS = [
  'extra',
  'type',
  'next',
  'Label',
  'ID',
  'comment',
  'labels',
  'timeout',
  'é',
  '',
];
const BAD_PORT_KEYS = ['bad port', '1next', 'option:', 'option:_x', 'next:a:b', ''];
const BAD_LAYOUT_KEYS = ['_hidden', 'a.b', '', 'has space', 'x'.repeat(65)];
const UNKNOWN_KINDS = [
  'Greeting',
  'start',
  'end',
  'condition',
  'menu ',
  '',
  'toString',
  'constructor',
  '__proto__',
];
export const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'] as const;
/** Set on injected objects; `Object.prototype` must never get it. */
export const POLLUTION_MARK = 'pollutedByFlowPropertyTest';

const jsonClass = (v: Json): string =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
const REPLACEMENTS: Json[] = [
  null,
  true,
  false,
  0,
  1,
  -1.5,
  1e21,
  '',
  'x',
  '1',
  [],
  [0],
  ['x'],
  {},
  { x: 1 },
];

function nested(depth: number, asObject: boolean): Json {
  let value: Json = asObject ? { leaf: true } : ['leaf'];
  for (let i = 0; i < depth; i++) value = asObject ? { a: value } : [value];
  return value;
}

/** Injects `key: value` into the object at `path` through JSON text, so it is an own property. */
function injectKey(doc: Json, path: Path, key: string, value: Json): { value: Json; text: string } {
  const placeholder = '__flowPropertyTestPlaceholder__';
  const copy = structuredClone(doc);
  const target = getAt(copy, path);
  if (!isObject(target)) throw new Error('injectKey needs an object');
  target[placeholder] = value;
  const text = JSON.stringify(copy).replace(`"${placeholder}":`, `${JSON.stringify(key)}:`);
  return { value: JSON.parse(text) as Json, text };
}

const nodesOf = (doc: Json): JsonObject[] => {
  const nodes = isObject(doc) ? doc.nodes : undefined;
  return Array.isArray(nodes) ? nodes.filter(isObject) : [];
};

function freshId(doc: Json, base: string): string {
  const ids = new Set(nodesOf(doc).map((n) => n.id));
  let id = base;
  for (let i = 2; ids.has(id); i++) id = `${base}-${i}`;
  return id;
}

type Mutation = (doc: Json, a: number, b: number) => MalformedInput;

/** `doc` with an own `key` (a forbidden one) in its `a`-th object, as JSON.parse makes it. */
function withOwnKey(doc: Json, a: number, key: string, b: number): MalformedInput {
  const objects = [{ path: [] as Path, value: doc }, ...positions(doc)].filter((p) =>
    isObject(p.value),
  );
  const { path } = pick(objects, a);
  const injected = pick<Json>(
    [{ [POLLUTION_MARK]: true }, { prototype: { [POLLUTION_MARK]: true } }, 1, null, 'x', []],
    b,
  );
  const { value, text } = injectKey(doc, path, key, injected);
  return {
    description: `own "${key}": ${JSON.stringify(injected)} in ${JSON.stringify(path)}`,
    value,
    text,
    refusedWith: 'document.forbiddenKey',
  };
}
const result = (
  description: string,
  value: Json,
  extra: Partial<MalformedInput> = {},
): MalformedInput => ({
  description,
  value,
  text: JSON.stringify(value),
  ...extra,
});

/**
 * One change that makes a valid document invalid. Each says what `loadFlow`
 * must answer (`refusedWith`), or, for documents that still load, which
 * validation error must block compilation (`errorCode`).
 */
export const MUTATIONS = {
  deleteRequiredField(doc, a) {
    const { path } = pick(
      positions(doc).filter((p) => p.inObject && !isOptionalField(p.path)),
      a,
    );
    deleteAt(doc, path);
    const refusedWith =
      path.length === 1 && path[0] === 'schemaVersion' ? 'document.noVersion' : 'schema';
    return result(`delete ${JSON.stringify(path)}`, doc, { refusedWith });
  },
  wrongType(doc, a, b) {
    const { path, value } = pick(positions(doc), a);
    const replacement = pick(
      REPLACEMENTS.filter((r) => jsonClass(r) !== jsonClass(value)),
      b,
    );
    setAt(doc, path, replacement);
    const refusedWith =
      path.length === 1 && path[0] === 'schemaVersion' ? 'document.badVersion' : 'schema';
    return result(`set ${JSON.stringify(path)} to ${JSON.stringify(replacement)}`, doc, {
      refusedWith,
    });
  },
  unknownField(doc, a, b) {
    const objects = [{ path: [] as Path, value: doc }, ...positions(doc)].filter((p) =>
      isObject(p.value),
    );
    const { path, value } = pick(objects, a);
    const target = value as JsonObject;
    let key: string;
    let added: Json;
    if (isRecordPath(path)) {
      // Any entry with a well-formed key is valid in a record: the key must be malformed.
      const layout = path[0] === 'layout';
      key = pick(layout ? BAD_LAYOUT_KEYS : BAD_PORT_KEYS, b);
      added = layout ? { x: 0, y: 0 } : 'greeting';
    } else {
      key = pick(
        UNKNOWN_FIELDS.filter((k) => !KNOWN_FIELDS.has(k) && !(k in target)),
        b,
      );
      added = 'surprise';
    }
    target[key] = added;
    return result(`add ${JSON.stringify(key)} to ${JSON.stringify(path)}`, doc, {
      refusedWith: 'schema',
    });
  },
  unknownKind(doc, a, b) {
    const node = pick(nodesOf(doc), a);
    node.kind = pick(UNKNOWN_KINDS, b);
    return result(`kind of ${JSON.stringify(node.id)} set to ${JSON.stringify(node.kind)}`, doc, {
      refusedWith: 'schema',
    });
  },
  badSchemaVersion(doc, a) {
    const version = pick<Json>([0, 2, 99, '1', 1.5, -1, null, true, [], {}], a);
    (doc as JsonObject).schemaVersion = version;
    const refusedWith =
      Number.isInteger(version) && (version as number) > 1
        ? 'document.futureVersion'
        : 'document.badVersion';
    return result(`schemaVersion ${JSON.stringify(version)}`, doc, { refusedWith });
  },
  forbiddenKey(doc, a, b) {
    return withOwnKey(doc, a, pick(FORBIDDEN_KEYS, b), Math.floor(b / FORBIDDEN_KEYS.length));
  },
  deepNesting(doc, a, b) {
    const { path } = pick(positions(doc), a);
    setAt(doc, path, nested(100, b % 2 === 1));
    return result(`100 levels of nesting at ${JSON.stringify(path)}`, doc, {
      refusedWith: 'document.tooDeep',
    });
  },
  hugeString(doc, a, b) {
    const { path } = pick(
      positions(doc).filter((p) => typeof p.value === 'string'),
      a,
    );
    // Longer than any field's maximum (8000, an AI agent's instructions).
    const huge = pick(['x', 'olá ', '\u{1F600}', ' '], b).repeat(8001 + (b % 5) * 10_000);
    setAt(doc, path, huge);
    return result(`string of ${huge.length} characters at ${JSON.stringify(path)}`, doc, {
      refusedWith: 'schema',
    });
  },
  noGreeting(doc) {
    // A greeting's data ({ text }) is a message's too.
    for (const node of nodesOf(doc)) if (node.kind === 'greeting') node.kind = 'message';
    return result('greeting turned into a message', doc, { errorCode: 'flow.noGreeting' });
  },
  secondGreeting(doc) {
    const id = freshId(doc, 'second-greeting');
    ((doc as JsonObject).nodes as Json[]).push({
      id,
      kind: 'greeting',
      data: { text: 'Oi' },
      connections: {},
    });
    return result('a second greeting', doc, { errorCode: 'flow.manyGreetings' });
  },
  duplicateId(doc, a) {
    const copy = structuredClone(pick(nodesOf(doc), a));
    ((doc as JsonObject).nodes as Json[]).push(copy);
    return result(`node ${JSON.stringify(copy.id)} twice`, doc, { errorCode: 'node.duplicateId' });
  },
  missingTarget(doc) {
    const greeting = nodesOf(doc).find((n) => n.kind === 'greeting')!;
    const missing = freshId(doc, 'nowhere');
    greeting.connections = { next: missing };
    return result(`greeting leads to missing "${missing}"`, doc, {
      errorCode: 'edge.missingTarget',
    });
  },
  badTimeZone(doc, a) {
    const zone = pick(['Mars/Olympus_Mons', '', '+03:00', 'America/SaoPaulo', 'not a zone'], a);
    ((doc as JsonObject).settings as JsonObject).timeZone = zone;
    return result(`time zone ${JSON.stringify(zone)}`, doc, {
      errorCode: 'settings.invalidTimeZone',
    });
  },
  badLocale(doc, a) {
    const locale = pick(['', 'pt_BR!', 'not a locale', '12345'], a);
    ((doc as JsonObject).settings as JsonObject).locale = locale;
    return result(`locale ${JSON.stringify(locale)}`, doc, { errorCode: 'settings.invalidLocale' });
  },
  blankGreeting(doc, a) {
    const greeting = nodesOf(doc).find((n) => n.kind === 'greeting')!;
    greeting.data = { text: pick(['', '   ', '\n'], a) };
    return result('blank greeting', doc, { errorCode: 'text.empty' });
  },
} satisfies Record<string, Mutation>;

export type MutationName = keyof typeof MUTATIONS;

/** A well-formed document with one mutation that makes it invalid (all mutations unless `only` names some). */
export function arbMutatedDocument(only?: readonly MutationName[]): fc.Arbitrary<MalformedInput> {
  const names = only ?? (Object.keys(MUTATIONS) as MutationName[]);
  return fc
    .record({
      doc: arbFlowDocument({ maxNodes: 8 }),
      mutation: fc.constantFrom(...names),
      a: fc.nat(),
      b: fc.nat(),
    })
    .map(({ doc, mutation, a, b }) => {
      const mutated = MUTATIONS[mutation](JSON.parse(JSON.stringify(doc)) as Json, a, b);
      return { ...mutated, description: `${mutation}: ${mutated.description}` };
    });
}

/**
 * A well-formed document with one own forbidden key (`__proto__`,
 * `constructor` or `prototype`) somewhere, made through JSON.parse.
 */
export function arbDocumentWithForbiddenKey(
  keys: readonly string[] = FORBIDDEN_KEYS,
): fc.Arbitrary<MalformedInput> {
  return fc
    .record({
      doc: arbFlowDocument({ maxNodes: 8 }),
      key: fc.constantFrom(...keys),
      a: fc.nat(),
      b: fc.nat(),
    })
    .map(({ doc, key, a, b }) => withOwnKey(JSON.parse(JSON.stringify(doc)) as Json, a, key, b));
}

const garbage = (
  description: string,
  value: unknown,
  text = JSON.stringify(value),
  refusedWith = isPlainObject(value) ? undefined : 'document.notObject',
): MalformedInput => ({ description, value, text, ...(refusedWith && { refusedWith }) });

/**
 * Anything but a flow: random JSON values, JSON-able values of any shape,
 * random strings, deep nesting, and valid documents with one mutation.
 */
export function arbMalformedJson(): fc.Arbitrary<MalformedInput> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.jsonValue().map((v) => garbage('jsonValue', v)) },
    {
      weight: 2,
      arbitrary: fc
        .anything({ withNullPrototype: true, maxDepth: 4 })
        .filter(isJsonable)
        .map((v) => garbage('anything', v)),
    },
    {
      weight: 2,
      arbitrary: fc
        .oneof(
          fc.string({ unit: 'binary' }),
          fc.constantFrom('', '{', '{"schemaVersion":1', 'null', '[]', '1', '"flow"', '{}', 'NaN'),
        )
        .map((s) => garbage('string', s, s)),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: 33, max: 200 }), fc.boolean())
        .map(([depth, asObject]) =>
          garbage(
            `nested ${depth} deep`,
            nested(depth, asObject),
            undefined,
            asObject ? 'document.tooDeep' : 'document.notObject',
          ),
        ),
    },
    { weight: 8, arbitrary: arbMutatedDocument() },
  );
}
