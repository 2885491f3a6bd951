#!/usr/bin/env node
/**
 * Checks @callbot/shared and @callbot/runtime as a new user gets them: builds
 * and packs both, installs the two tarballs into a fresh project in a
 * temporary folder, then, in that project:
 *
 * 1. plain Node imports both packages (no loader, no flags, no warning);
 * 2. the shipped reception example runs: a call, the bot's prompts, a transfer;
 * 3. `npx callbot` (the installed bin) validates a flow and simulates a call;
 * 4. a TypeScript consumer typechecks under `strict` and `nodenext`, with
 *    nothing else set (so the packages' own `.d.ts` files are checked too,
 *    the zod declarations shared ships included);
 * 5. Vite bundles the runtime for the browser (no Node built-in in the bundle);
 * 6. the server's dependencies (pg, PGlite, tsx) are not installed, nor are
 *    libphonenumber-js and zod (shared ships what it uses of them);
 * 7. every relative link in the shipped Markdown files leads to a file in the
 *    same tarball (and to a heading of it, for `#anchor`s).
 *
 * Last, the installed size of the two packages and their dependencies must
 * be within 5 MB; it prints the figure, per package and, for ours, per kind
 * of file. Exits 1, saying which check failed and why, when one fails.
 *
 *   npm run test:packages
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const TARGET_BYTES = 5 * 1000 * 1000;

class CheckFailed extends Error {}
const fail = (message) => {
  throw new CheckFailed(message);
};

/** Runs a command; its output, or a failure with what it printed. */
async function run(file, args, cwd, { env } = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)(file, args, {
      cwd,
      encoding: 'utf8',
      timeout: 120_000,
      maxBuffer: 64 * 1024 * 1024,
      // The monorepo's source condition must not leak into the consumer.
      env: { ...process.env, NODE_OPTIONS: '', ...env },
    });
    return { stdout, stderr };
  } catch (error) {
    const said = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim();
    return fail(
      `\`${[file, ...args].join(' ')}\` failed (${error.code ?? error.signal}):\n${said}`,
    );
  }
}

async function check(name, body) {
  process.stdout.write(`- ${name}... `);
  const detail = await body();
  process.stdout.write(detail ? `ok (${detail})\n` : 'ok\n');
}

/** Apparent size in bytes of everything under `dir`. */
async function sizeOf(dir) {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}
const mb = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;

/** What a package's files are made of: vendored packages apart, then by kind of file. */
async function sizeByKind(dir) {
  const kinds = new Map();
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/');
    const vendored = /^dist\/vendor\/([^/]+)\//.exec(path);
    const kind = vendored
      ? `vendored ${vendored[1]}`
      : /\.d\.ts$/.test(path)
        ? '.d.ts'
        : /\.js\.map$/.test(path)
          ? 'source maps'
          : /\.js$/.test(path)
            ? '.js'
            : 'other';
    const bytes = (await stat(join(entry.parentPath, entry.name))).size;
    kinds.set(kind, (kinds.get(kind) ?? 0) + bytes);
  }
  return [...kinds].sort((a, b) => b[1] - a[1]);
}

/** Every package installed in `nodeModules`, scoped ones included, with its size. */
async function installedPackages(nodeModules) {
  const found = [];
  for (const name of await readdir(nodeModules)) {
    if (name.startsWith('.')) continue;
    const names = name.startsWith('@')
      ? (await readdir(join(nodeModules, name))).map((n) => `${name}/${n}`)
      : [name];
    for (const n of names) found.push({ name: n, bytes: await sizeOf(join(nodeModules, n)) });
  }
  return found.sort((a, b) => b.bytes - a.bytes);
}

/** The relative targets of a Markdown text's links and images (not URLs, not code). */
function markdownLinks(markdown) {
  const prose = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)]
    .map((m) => m[1])
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
}

/** The anchors GitHub and npm give a Markdown text's headings. */
function headingSlugs(markdown) {
  const slugs = new Set();
  for (const [, text] of markdown
    .replace(/```[\s\S]*?```/g, '')
    .matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)) {
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    let slug = base;
    for (let n = 1; slugs.has(slug); n++) slug = `${base}-${n}`;
    slugs.add(slug);
  }
  return slugs;
}

const EXAMPLE_SCRIPT = {
  call: { channel: 'line', direction: 'inbound', from: '+5511912345678', to: '+551130000000' },
  startAt: '2026-11-24T10:00:00-03:00',
  agents: { suporte: 2 },
  steps: [{ when: 'listening', event: { type: 'dtmf', digit: '2' } }],
};

/** What a TypeScript user writes first. */
const CONSUMER_TS = `import { examples as shipped, createCallSession, VirtualClock, type Command } from '@callbot/runtime';
import {
  compileFlow,
  e164Schema,
  flowDocumentSchema,
  validateFlow,
  type FlowDocument,
} from '@callbot/shared';
import { z } from '@callbot/shared/zod';

const flow: FlowDocument = shipped.reception;
const errors: number = validateFlow(flow).filter((d) => d.severity === 'error').length;
const { machine } = compileFlow(flow);
const session = createCallSession(flow, { clock: new VirtualClock(), directory: () => 1 });
const said: string[] = [];
session.subscribe((message) => {
  if (message.channel === 'command') {
    const command: Command = message.command;
    if (command.type === 'say') said.push(command.text);
  }
});
session.send({ type: 'call.started', channel: 'sip', direction: 'inbound', from: '100', to: '200' });
const number: string = e164Schema.parse('+551130000000');
// Shared's schemas have zod's types (the zod shared ships): composed, inferred.
const savedSchema = z.object({ flow: flowDocumentSchema, savedAt: z.iso.datetime() });
const saved: z.infer<typeof savedSchema> = { flow, savedAt: '2026-12-07T10:00:00Z' };
const name: string = savedSchema.parse(saved).flow.settings.name;
export const result = { errors, machine, said, number, name, status: session.getSnapshot().status };
`;

/** Mistakes the packages' types must catch (so the check above cannot pass on `any`). */
const MISTAKE_TS = `import { createCallSession, examples } from '@callbot/runtime';
import { flowDocumentSchema } from '@callbot/shared';
createCallSession(examples.reception, { clock: 'now' });
const name: number = flowDocumentSchema.parse({}).settings.name;
`;

/** A consumer's tsconfig: strict and nodenext, nothing else. */
const consumerTsconfig = (file) => ({
  compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', noEmit: true },
  files: [file],
});

const BROWSER_ENTRY = `import { createCallSession, examples, VirtualClock } from '@callbot/runtime';
const session = createCallSession(examples.reception, { clock: new VirtualClock() });
document.title = session.getSnapshot().status;
`;

async function main() {
  const work = await mkdtemp(join(tmpdir(), 'callbot-packages-'));
  try {
    const app = join(work, 'app');
    let tarballs = [];
    /** Per package, the paths in its tarball. */
    let shipped = [];

    await check('build @callbot/shared and @callbot/runtime', () =>
      run('npm', ['run', 'build', '--workspace', '@callbot/runtime'], root).then(() => ''),
    );

    await check('pack', async () => {
      // Built just above, so the prepack build is skipped.
      const { stdout } = await run(
        'npm',
        [
          'pack',
          '--ignore-scripts',
          '--json',
          `--pack-destination=${work}`,
          '--workspace=@callbot/shared',
          '--workspace=@callbot/runtime',
        ],
        root,
      );
      const packed = JSON.parse(stdout);
      for (const { name, files } of packed) {
        const paths = files.map((f) => f.path);
        const needed = ['dist/index.js', 'dist/index.d.ts', 'README.md', 'LICENSE', 'CHANGELOG.md'];
        if (name === '@callbot/shared') {
          // What it ships of libphonenumber-js and zod goes with their licences.
          needed.push(
            'dist/zod.js',
            'dist/zod.d.ts',
            'dist/vendor/libphonenumber-js/LICENSE',
            'dist/vendor/libphonenumber-js/LICENSE.Apache',
            'dist/vendor/zod/LICENSE',
          );
        }
        if (name === '@callbot/runtime') {
          needed.push('bin/callbot.js', 'docs/call-protocol.md', 'examples/reception.js');
        }
        for (const path of needed) {
          if (!paths.includes(path)) fail(`${name}'s tarball has no ${path}`);
        }
        const stray = paths.find((p) => /(^src\/|\.test\.|tsbuildinfo|tsconfig)/.test(p));
        if (stray) fail(`${name}'s tarball holds ${stray}, which a consumer does not need`);
      }
      tarballs = packed.map((p) => join(work, p.filename));
      shipped = packed.map(({ name, files }) => ({ name, paths: files.map((f) => f.path) }));
      return packed.map((p) => `${p.filename}: ${p.entryCount} files, ${mb(p.size)}`).join('; ');
    });

    await check('install the tarballs into a fresh project', async () => {
      await run('mkdir', ['-p', app], work);
      const manifest = { name: 'callbot-consumer', private: true, type: 'module' };
      await writeFile(join(app, 'package.json'), JSON.stringify(manifest, null, 2));
      await run(
        'npm',
        ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs],
        app,
      );
      const installed = (await installedPackages(join(app, 'node_modules'))).map((p) => p.name);
      const serverOnly = installed.filter((n) =>
        /^(pg|@electric-sql\/pglite|tsx|esbuild)$/.test(n),
      );
      if (serverOnly.length > 0) fail(`the install pulled ${serverOnly.join(', ')}`);
      const bundled = installed.filter((n) => n === 'libphonenumber-js' || n === 'zod');
      if (bundled.length > 0) {
        fail(
          `the install pulled ${bundled.join(', ')}: @callbot/shared should ship what it uses of them`,
        );
      }
      return installed.join(', ');
    });

    await check('relative links in the shipped Markdown resolve', async () => {
      let links = 0;
      for (const { name, paths } of shipped) {
        const home = join(app, 'node_modules', name);
        for (const path of paths.filter((p) => p.endsWith('.md'))) {
          for (const link of markdownLinks(await readFile(join(home, path), 'utf8'))) {
            const [target, anchor] = link.split('#');
            const file =
              target === '' ? path : posix.normalize(posix.join(posix.dirname(path), target));
            if (!paths.includes(file) && !paths.some((p) => p.startsWith(`${file}/`))) {
              fail(`${name}/${path} links to ${link}, which is not in the package`);
            }
            if (anchor && file.endsWith('.md')) {
              const headings = headingSlugs(await readFile(join(home, file), 'utf8'));
              if (!headings.has(anchor)) fail(`${name}/${path} links to ${link}: no such heading`);
            }
            links++;
          }
        }
      }
      return `${links} links`;
    });

    await check('plain Node imports both packages', async () => {
      const { stdout, stderr } = await run(
        process.execPath,
        [
          '--input-type=module',
          '--eval',
          "const s = await import('@callbot/shared'); const r = await import('@callbot/runtime');" +
            " const { z } = await import('@callbot/shared/zod');" +
            ' console.log(typeof s.compileFlow, typeof r.createCallSession,' +
            " s.e164Schema.safeParse('+551130000000').success," +
            " s.e164Schema.safeParse('+55113').success," +
            " s.checkLineNumber('+5511912345678').code + ';'," +
            ' z.object({ name: z.string() }).safeParse({}).error.issues[0].message);',
        ],
        app,
      );
      // Three use libphonenumber-js's metadata, the last zod's English messages, shipped in shared.
      const expected =
        'function function true false R19.personalMobile; Invalid input: expected string, received undefined';
      if (stdout.trim() !== expected) {
        fail(`unexpected exports or phone number checks: ${stdout}`);
      }
      if (stderr !== '') fail(`importing printed: ${stderr}`);
    });

    await check('the reception example runs on plain Node', async () => {
      const example = 'node_modules/@callbot/runtime/examples/reception.js';
      const { stdout } = await run(process.execPath, [example], app);
      const lines = stdout.trimEnd().split('\n');
      for (const expected of [
        'bot says: Olá! Você ligou para a Loja Exemplo.',
        'bot says: Para vendas, digite 1. Para suporte, digite 2.',
        'bot transfers to team vendas',
      ]) {
        if (!lines.includes(expected)) fail(`the example did not print "${expected}":\n${stdout}`);
      }
      if (lines.at(-1) !== 'call ended: transferred') fail(`the example ended:\n${stdout}`);
      return lines.at(-1);
    });

    await check('npx callbot validates and simulates', async () => {
      const flow = 'node_modules/@callbot/runtime/examples/reception.flow.json';
      await writeFile(join(app, 'script.json'), JSON.stringify(EXAMPLE_SCRIPT));
      const validated = await run('npx', ['--no-install', 'callbot', 'validate', flow], app);
      if (validated.stdout !== `${flow}: no problems\n`) fail(`validate said: ${validated.stdout}`);
      const simulated = await run(
        'npx',
        ['--no-install', 'callbot', 'simulate', flow, 'script.json'],
        app,
      );
      const trace = simulated.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l));
      const transfer = trace.find((l) => l.kind === 'transfer');
      const end = trace.at(-1);
      if (transfer?.team !== 'suporte' || end?.kind !== 'end' || end.outcome !== 'transferred') {
        fail(`the simulated call went otherwise:\n${simulated.stdout}`);
      }
      return `${trace.length} trace lines, ${end.outcome}`;
    });

    await check('a TypeScript consumer typechecks (strict, nodenext)', async () => {
      for (const name of ['shared', 'runtime']) {
        const dist = join(app, 'node_modules/@callbot', name, 'dist');
        for (const entry of await readdir(dist, { recursive: true, withFileTypes: true })) {
          if (!entry.name.endsWith('.d.ts')) continue;
          const file = join(entry.parentPath, entry.name);
          const text = await readFile(file, 'utf8');
          const ts = /(?:from|import)\s*\(?\s*['"]\.\.?\/[^'"]*\.ts['"]/.exec(text);
          if (ts)
            fail(`@callbot/${name}/dist/${relative(dist, file)} imports a .ts file: ${ts[0]}`);
        }
      }
      await writeFile(join(app, 'consumer.ts'), CONSUMER_TS);
      await writeFile(join(app, 'tsconfig.json'), JSON.stringify(consumerTsconfig('consumer.ts')));
      await run(process.execPath, [tsc, '-p', 'tsconfig.json'], app);
      await writeFile(join(app, 'mistake.ts'), MISTAKE_TS);
      await writeFile(join(app, 'mistake.json'), JSON.stringify(consumerTsconfig('mistake.ts')));
      const caught = await run(process.execPath, [tsc, '-p', 'mistake.json'], app).then(
        () => fail('mistakes typechecked: the types are not what they should be'),
        (error) => error.message,
      );
      // A clock given as a string; a flow's name (a string, by zod's types) taken for a number.
      for (const line of [3, 4]) {
        if (!new RegExp(`mistake\\.ts\\(${line},\\d+\\): error TS2322`).test(caught)) {
          fail(`tsc did not catch the mistake on line ${line} of mistake.ts:\n${caught}`);
        }
      }
      const { version } = JSON.parse(
        await readFile(join(root, 'node_modules/typescript/package.json'), 'utf8'),
      );
      return `TypeScript ${version}`;
    });

    await check('Vite bundles the runtime for the browser', async () => {
      const { build } = await import('vite');
      await writeFile(join(app, 'browser.js'), BROWSER_ENTRY);
      const out = join(work, 'browser-dist');
      await build({
        configFile: false,
        root: app,
        logLevel: 'error',
        build: {
          outDir: out,
          lib: { entry: join(app, 'browser.js'), formats: ['es'], fileName: 'browser' },
          minify: true,
        },
      });
      const bundle = await readFile(join(out, 'browser.js'), 'utf8');
      const builtin = /from\s*["']node:|require\(["']node:/.exec(bundle);
      if (builtin) fail(`the browser bundle imports a Node built-in: ${builtin[0]}`);
      if (!bundle.includes('Loja Exemplo')) fail('the browser bundle lacks the examples');
      return `${mb(Buffer.byteLength(bundle))} minified`;
    });

    const packages = await installedPackages(join(app, 'node_modules'));
    const total = packages.reduce((sum, p) => sum + p.bytes, 0);
    console.log(
      `\nInstalled size (runtime + shared + their dependencies): ${mb(total)} (target ${mb(TARGET_BYTES)})`,
    );
    for (const p of packages) {
      const parts = p.name.startsWith('@callbot/')
        ? await sizeByKind(join(app, 'node_modules', p.name))
        : [];
      const made = parts.map(([kind, bytes]) => `${kind} ${mb(bytes)}`).join(', ');
      console.log(`  ${p.name.padEnd(22)} ${mb(p.bytes)}${made ? `: ${made}` : ''}`);
    }
    if (total > TARGET_BYTES) {
      fail(`the install takes ${mb(total)}, over the ${mb(TARGET_BYTES)} target`);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (error) {
  if (!(error instanceof CheckFailed)) throw error;
  console.log('FAILED');
  console.error(`check-packages: ${error.message}`);
  process.exitCode = 1;
}
