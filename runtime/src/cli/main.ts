/**
 * The `callbot` command line: simulate, validate and compile flows exported
 * from the designer. Pure: every effect goes through the `CliIo` it is given
 * (`bin/callbot.js` passes Node's; tests pass an in-memory one), so it
 * neither reads the wall clock nor touches the file system itself.
 */
import {
  compileFlow,
  hasErrors,
  parseFlowJson,
  utf8Length,
  validateDocument,
  type Diagnostic,
  type FlowDocument,
} from '@callbot/shared';
import { scriptSchema, type Script } from '../simulate/script.ts';
import { simulateCall } from '../simulate/simulate.ts';
import { formatDiagnostic, oneLine, plural, reasonOf, summarize } from './format.ts';
import { describeZodError } from './issues.ts';

/** What the CLI needs from its host. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /**
   * A whole file as UTF-8 text. Rejects when it cannot be read; an error's
   * `code` says why (`ENOENT`, `EISDIR`, `EACCES`, `EFBIG` for a file over
   * `MAX_FILE_BYTES`), and its `message` is shown for any other code.
   */
  readFile(path: string): Promise<string>;
  /** The wall clock (epoch ms): when a simulated call happens if its script has no `startAt`. */
  now(): number;
}

/** Exit codes: the same meaning for every command. */
export const EXIT = {
  /** Done: the call ran, or the flow has no errors. */
  ok: 0,
  /** The flow has errors (`validate`, `compile`). */
  findings: 1,
  /** Bad usage, or a file that cannot be read or is not a flow or script. */
  badInput: 2,
  /** A bug in callbot (EX_SOFTWARE). */
  internal: 70,
} as const;

/** Largest flow or script file read, in bytes (the flow document's own limit). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export const USAGE = `Usage: callbot <command> [options]

Commands:
  simulate FLOW.json SCRIPT.json  run one call of the flow in virtual time;
                                  prints one JSON object per line
  validate FLOW.json [--json]     check the flow; lists its errors and warnings
                                  (--json: as a JSON array)
  compile FLOW.json               print the flow's machine config as JSON

Options:
  -h, --help  show this help

Exit codes:
  0   done: the call ran, or the flow has no errors
  1   the flow has errors (validate, compile)
  2   bad usage, or a file that cannot be read or is not a valid flow or script
  70  internal error
`;

/** Bad input: exit 2 with `callbot: FILE: reason`. */
class InputError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

/** Bad usage: exit 2 with the reason and the usage text. */
class UsageError extends Error {}

interface Command {
  operands: string[];
  flags: string[];
  run(io: CliIo, operands: string[], flags: ReadonlySet<string>): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  simulate: { operands: ['FLOW.json', 'SCRIPT.json'], flags: [], run: simulate },
  validate: { operands: ['FLOW.json'], flags: ['--json'], run: validate },
  compile: { operands: ['FLOW.json'], flags: [], run: compile },
};

/**
 * Runs the command line `args` (without `node` and the script) and returns
 * the exit code. Never throws, never prints a stack trace.
 *
 * @example
 * process.exitCode = await runCli(['validate', 'flow.json'], nodeIo);
 */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(args, io);
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`callbot: ${error.file}: ${oneLine(error.reason)}\n`);
      return EXIT.badInput;
    }
    if (error instanceof UsageError) {
      io.stderr(`callbot: ${error.message}\n\n${USAGE}`);
      return EXIT.badInput;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`callbot: internal error: ${oneLine(message)}\n`);
    return EXIT.internal;
  }
}

async function dispatch(args: readonly string[], io: CliIo): Promise<number> {
  const operands: string[] = [];
  const flags = new Set<string>();
  let onlyOperands = false;
  for (const arg of args) {
    if (!onlyOperands && arg === '--') onlyOperands = true;
    else if (!onlyOperands && arg.startsWith('-') && arg !== '-') flags.add(arg);
    else operands.push(arg);
  }
  if (flags.has('--help') || flags.has('-h') || operands[0] === 'help') {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  const [name, ...rest] = operands;
  if (name === undefined) throw new UsageError('no command given');
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) throw new UsageError(`unknown command "${name}"`);
  for (const flag of flags) {
    if (!command.flags.includes(flag)) throw new UsageError(`unknown option "${flag}" for ${name}`);
  }
  if (rest.length !== command.operands.length) {
    throw new UsageError(
      rest.length < command.operands.length
        ? `${name} needs ${command.operands.join(' and ')}`
        : `${name} takes ${plural(command.operands.length, 'file')}: ${command.operands.join(' ')}`,
    );
  }
  return command.run(io, rest, flags);
}

/** `callbot simulate FLOW.json SCRIPT.json`: one trace line per output line, as they happen. */
async function simulate(io: CliIo, [flowFile, scriptFile]: string[]): Promise<number> {
  const doc = await readFlow(io, flowFile!);
  const { machine, diagnostics } = compileFlow(doc);
  if (!machine) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const more = errors.length - 1;
    throw new InputError(
      flowFile!,
      `${reasonOf(errors[0]!)} (${more > 0 ? `and ${plural(more, 'more error')}; ` : ''}` +
        `the flow cannot run: see callbot validate ${flowFile})`,
    );
  }
  const script = await readScript(io, scriptFile!);
  simulateCall(machine, script, {
    ...(script.startAt === undefined && { now: io.now() }),
    onLine: (line) => io.stdout(`${JSON.stringify(line)}\n`),
  });
  return EXIT.ok;
}

/** `callbot validate FLOW.json [--json]`: the flow's diagnostics; exit 1 when any is an error. */
async function validate(io: CliIo, [file]: string[], flags: ReadonlySet<string>): Promise<number> {
  const diagnostics = validateDocument(await readFlow(io, file!));
  if (flags.has('--json')) {
    io.stdout(`${JSON.stringify(diagnostics, null, 2)}\n`);
  } else if (diagnostics.length === 0) {
    io.stdout(`${file}: no problems\n`);
  } else {
    io.stdout(report(file!, diagnostics));
  }
  return hasErrors(diagnostics) ? EXIT.findings : EXIT.ok;
}

/** `callbot compile FLOW.json`: the machine config on stdout; diagnostics on stderr. */
async function compile(io: CliIo, [file]: string[]): Promise<number> {
  const { machine, diagnostics } = compileFlow(await readFlow(io, file!));
  if (diagnostics.length > 0) io.stderr(report(file!, diagnostics));
  if (!machine) return EXIT.findings;
  io.stdout(`${JSON.stringify(machine, null, 2)}\n`);
  return EXIT.ok;
}

/** Diagnostics one per line, errors first, then `FILE: 2 errors, 1 warning`. */
function report(file: string, diagnostics: readonly Diagnostic[]): string {
  const ordered = [
    ...diagnostics.filter((d) => d.severity === 'error'),
    ...diagnostics.filter((d) => d.severity !== 'error'),
  ];
  return `${ordered.map((d) => `${formatDiagnostic(d)}\n`).join('')}${file}: ${summarize(diagnostics)}\n`;
}

/** A flow file read through the document schema; anything that is not a flow is bad input. */
async function readFlow(io: CliIo, file: string): Promise<FlowDocument> {
  const loaded = parseFlowJson(await readText(io, file), MAX_FILE_BYTES);
  if (!loaded.ok) {
    const [first, ...others] = loaded.diagnostics;
    const reason = first ? reasonOf(first) : 'not a flow';
    throw new InputError(
      file,
      others.length > 0 ? `${reason} (and ${plural(others.length, 'more problem')})` : reason,
    );
  }
  return loaded.doc;
}

/** A script file read through the script schema. */
async function readScript(io: CliIo, file: string): Promise<Script> {
  const text = await readText(io, file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      file,
      `not valid JSON (${error instanceof Error ? error.message : 'parse error'})`,
    );
  }
  if (json !== null && typeof json === 'object' && 'schemaVersion' in json && 'nodes' in json) {
    throw new InputError(
      file,
      'this is a flow, not a script (the flow comes first: callbot simulate FLOW.json SCRIPT.json)',
    );
  }
  const parsed = scriptSchema.safeParse(json);
  if (!parsed.success) throw new InputError(file, describeZodError(parsed.error, json));
  return parsed.data;
}

async function readText(io: CliIo, file: string): Promise<string> {
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (error) {
    throw new InputError(file, whyUnreadable(error));
  }
  if (utf8Length(text) > MAX_FILE_BYTES) throw new InputError(file, tooLarge());
  // Editors on Windows may start UTF-8 files with a byte-order mark, which JSON does not allow.
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

const tooLarge = () => `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB, the most callbot reads`;

function whyUnreadable(error: unknown): string {
  const code = error !== null && typeof error === 'object' && 'code' in error ? error.code : null;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EFBIG':
      return tooLarge();
    default:
      return `cannot be read (${error instanceof Error ? error.message : String(error)})`;
  }
}
