#!/usr/bin/env node
/**
 * After `tsc` has emitted @callbot/shared's `dist/`: what shared uses of
 * libphonenumber-js is bundled into `dist/vendor/libphonenumber-js/`, and
 * `dist/` imports it from there. So the published package does not depend on
 * libphonenumber-js (10 MB installed, every build of every entry point, when
 * shared calls three functions); the monorepo keeps it as a devDependency and
 * the source imports it as usual.
 *
 * - JavaScript: for each entry point imported (`libphonenumber-js/min`,
 *   `/max`), esbuild bundles just the names `dist/` imports from it, with
 *   its metadata; the code both entries share goes in one chunk.
 * - Declarations: they can only import types, which libphonenumber-js
 *   declares in its `types.d.ts`; that file is copied, as it is, and the
 *   imports point to it.
 * - Its licences are copied beside the bundles: its own (MIT), and Google
 *   libphonenumber's (Apache 2.0), which its metadata and code derive from;
 *   each bundle starts with a notice naming both.
 *
 * Fails, saying why, on an import it cannot rewrite.
 *
 *   node ../scripts/vendor-libphonenumber.js dist
 */
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { build } from 'esbuild';

const [dist] = process.argv.slice(2);
if (!dist) {
  console.error('usage: vendor-libphonenumber.js DIST');
  process.exit(2);
}
const fail = (message) => {
  console.error(`vendor-libphonenumber: ${message}`);
  process.exit(1);
};

const PACKAGE = 'libphonenumber-js';
const require = createRequire(join(process.cwd(), 'package.json'));
const home = dirname(require.resolve(`${PACKAGE}/package.json`));
const { version, license } = JSON.parse(await readFile(join(home, 'package.json'), 'utf8'));
if (license !== 'MIT')
  fail(`${PACKAGE} ${version} is licensed ${license}: check it before bundling it`);
const vendor = join(dist, 'vendor', PACKAGE);
const notice =
  `/*! ${PACKAGE} ${version} (c) @catamphetamine, MIT licence: see ./LICENSE. ` +
  `Derived from Google libphonenumber, Apache License 2.0: see ./LICENSE.Apache. */`;

/** `import { a, b as c } from 'libphonenumber-js/min'` (what tsc emits), in .js and .d.ts. */
const IMPORT = new RegExp(
  `import\\s*(?:type\\s*)?\\{([^}]*)\\}\\s*from\\s*(['"])${PACKAGE}/([\\w-]+)\\2;?`,
  'g',
);
/** Any other mention of the package as a module specifier. */
const ANY = new RegExp(`['"]${PACKAGE}(/[^'"]*)?['"]`);

const files = [];
for (const entry of await readdir(dist, { recursive: true, withFileTypes: true })) {
  const path = join(entry.parentPath, entry.name);
  if (entry.isFile() && /\.(js|d\.ts)$/.test(entry.name) && !path.startsWith(vendor + sep)) {
    files.push({ path, dir: entry.parentPath, text: await readFile(path, 'utf8') });
  }
}
const importedName = (spec) =>
  spec
    .trim()
    .replace(/^type\s+/, '')
    .split(/\s+as\s+/)[0];

/** Per entry point, the names the JavaScript imports. */
const used = new Map();
for (const { path, text } of files) {
  if (path.endsWith('.d.ts')) continue;
  for (const [, names, , entry] of text.matchAll(IMPORT)) {
    const set = used.get(entry) ?? used.set(entry, new Set()).get(entry);
    for (const n of names.split(',').filter((s) => s.trim() !== '')) set.add(importedName(n));
  }
}

const typesFile = await readFile(join(home, 'types.d.ts'), 'utf8');
const declared = new Set(
  [...typesFile.matchAll(/export\s+(?:type|interface|class)\s+(\w+)/g)].map((m) => m[1]),
);

const relativeTo = (from, target) => {
  const path = relative(from, target).split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
};
let rewritten = 0;
for (const file of files) {
  const declaration = file.path.endsWith('.d.ts');
  const text = file.text.replace(IMPORT, (whole, names, quote, entry) => {
    if (declaration) {
      const missing = names
        .split(',')
        .map(importedName)
        .filter((n) => n !== '' && !declared.has(n));
      if (missing.length > 0)
        fail(
          `${file.path} imports ${missing.join(', ')}, which ${PACKAGE}/types.d.ts does not declare`,
        );
      return whole.replace(`${PACKAGE}/${entry}`, relativeTo(file.dir, join(vendor, 'types.js')));
    }
    return whole.replace(`${PACKAGE}/${entry}`, relativeTo(file.dir, join(vendor, `${entry}.js`)));
  });
  const left = ANY.exec(text);
  if (left) fail(`${file.path} imports ${left[0]} in a way this script does not rewrite`);
  if (text !== file.text) {
    await writeFile(file.path, text);
    rewritten++;
  }
}

const VIRTUAL = 'vendor-entry';
await build({
  entryPoints: [...used.keys()].map((entry) => ({ in: `${VIRTUAL}:${entry}`, out: entry })),
  absWorkingDir: process.cwd(),
  outdir: vendor,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  chunkNames: 'chunk',
  minifyWhitespace: true,
  banner: { js: notice },
  logLevel: 'warning',
  plugins: [
    {
      name: VIRTUAL,
      setup(b) {
        b.onResolve({ filter: new RegExp(`^${VIRTUAL}:`) }, (args) => ({
          path: args.path.slice(VIRTUAL.length + 1),
          namespace: VIRTUAL,
        }));
        b.onLoad({ filter: /.*/, namespace: VIRTUAL }, (args) => ({
          contents: `export { ${[...used.get(args.path)].join(', ')} } from '${PACKAGE}/${args.path}';`,
          resolveDir: process.cwd(),
        }));
      },
    },
  ],
});
for (const licence of ['LICENSE', 'LICENSE.Apache']) {
  await copyFile(join(home, licence), join(vendor, licence));
}
await copyFile(join(home, 'types.d.ts'), join(vendor, 'types.d.ts'));

const summary = [...used].map(([entry, names]) => `${entry}: ${[...names].join(', ')}`).join('; ');
console.log(
  `vendor-libphonenumber: ${PACKAGE} ${version} bundled into ${vendor} (${summary}); ${rewritten} files import it there`,
);
