#!/usr/bin/env node
/**
 * After `tsc` has emitted a package's `dist/`: the modules `dist/` needs of
 * the named packages are copied into `dist/vendor/<package>/`, and `dist/`
 * imports them from there. So the published package does not depend on them:
 * @callbot/shared vendors libphonenumber-js (10 MB installed: every build of
 * every entry point, when shared calls three functions) and zod (6 MB: ESM
 * and CommonJS builds, sources, v3 and mini, each with its declarations). The
 * monorepo keeps both as devDependencies and the source imports them as
 * usual.
 *
 * - JavaScript: from each entry point `dist/` imports (`zod`), esbuild
 *   follows the imports; every module reached is copied where it sits in the
 *   package, its comments taken out but for `@__PURE__` annotations, its
 *   imports as they are. Modules, not one bundle, and not minified: a
 *   consumer's bundler still leaves out what its code does not use (the
 *   runtime's browser bundle is as small as with zod installed). Of a
 *   package listed in `BY_NAME` (libphonenumber-js: three functions of
 *   many), esbuild bundles just the names `dist/` imports, per entry point
 *   (`min`, `max`), where the entry's JavaScript sits in the package.
 * - Declarations: the entry's ESM `.d.ts` and every declaration file it
 *   imports, transitively, copied as they are (so a consumer's TypeScript
 *   sees the package's own types, `z.ZodObject<...>` included, without the
 *   package installed).
 * - `dist/`'s imports of the package, in `.js` and `.d.ts` alike, point to
 *   the copied entry (`./vendor/zod/index.js`); TypeScript reads the `.d.ts`
 *   beside it.
 * - The package's licence files are copied with it.
 *
 * Fails, saying why, on an import it cannot rewrite, a licence not checked
 * here, or a module or declaration file that imports another package.
 *
 *   node ../scripts/vendor.js dist libphonenumber-js zod
 */
import { access, copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, posix, relative, sep } from 'node:path';
import { build, transform } from 'esbuild';

const [dist, ...packages] = process.argv.slice(2);
if (!dist || packages.length === 0) {
  console.error('usage: vendor.js DIST PACKAGE...');
  process.exit(2);
}
const fail = (message) => {
  console.error(`vendor: ${message}`);
  process.exit(1);
};

/** Licences checked as fit to ship inside an MIT package (with the licence file). */
const LICENCES = new Set(['MIT']);
/**
 * Packages of which `dist/` uses a few functions out of many: just those are
 * bundled (libphonenumber-js: 0.4 MB, where the modules that shared's entry
 * points reach take 0.5 MB). The others' modules are copied as they are.
 */
const BY_NAME = new Set(['libphonenumber-js']);
/**
 * Files of a package shipped with other contents, JavaScript and declaration
 * alike. zod's classic API re-exports every locale (`z.locales`, 48 of them,
 * 0.38 MB) when shared sets, and its consumers read, English messages only:
 * the locales' index keeps English alone.
 */
const ENGLISH_ONLY = 'export { default as en } from "./en.js";\n';
const OVERRIDES = new Map([
  [
    'zod',
    new Map([
      ['v4/locales/index.js', ENGLISH_ONLY],
      ['v4/locales/index.d.ts', ENGLISH_ONLY],
    ]),
  ],
]);
/** A package file's text, or what it is shipped as. */
const readPackageFile = (name, home, file) =>
  OVERRIDES.get(name)?.get(file) ?? readFile(join(home, file), 'utf8');
const importedName = (spec) =>
  spec
    .trim()
    .replace(/^type\s+/, '')
    .split(/\s+as\s+/)[0];
const require = createRequire(join(process.cwd(), 'package.json'));
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const relativeTo = (from, target) => {
  const path = relative(from, target).split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
};

/** Relative module specifiers in a declaration file, and bare ones (not in comments). */
function specifiersOf(declaration) {
  const code = declaration
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/(?!\/\s*<reference).*$/gm, '');
  return [
    ...code.matchAll(
      /(?:(?<![\w$.'"])from\s*|(?<![\w$.])import\s*\(\s*|^\s*import\s*)(['"])([^'"]+)\1|\/\/\/\s*<reference\s+(?:path|types)\s*=\s*(['"])([^'"]+)\3/gm,
    ),
  ].map((m) => m[2] ?? m[4]);
}

const exists = (path) =>
  access(path).then(
    () => true,
    () => false,
  );

/** The declaration file a relative specifier names (`./a.js` → `a.d.ts`, `./types.d.js` → `types.d.ts`). */
async function declarationFile(from, specifier) {
  const base = join(dirname(from), specifier).replace(/\.js$/, '');
  const candidates = base.endsWith('.d')
    ? [`${base}.ts`]
    : [`${base}.d.ts`, join(base, 'index.d.ts')];
  for (const candidate of candidates) if (await exists(candidate)) return candidate;
  return fail(`${from} imports ${specifier}, which has no declaration file`);
}

/** `index.d.ts` and every declaration file it imports, transitively (paths inside `home`). */
async function declarationClosure(name, home, entry) {
  const found = new Set();
  const queue = [join(home, entry)];
  while (queue.length > 0) {
    const file = queue.pop();
    if (found.has(file)) continue;
    found.add(file);
    for (const specifier of specifiersOf(await readPackageFile(name, home, relative(home, file)))) {
      if (!specifier.startsWith('.')) {
        fail(
          `${relative(process.cwd(), file)} imports ${specifier}: only its own files can be copied`,
        );
      }
      queue.push(await declarationFile(file, specifier));
    }
  }
  return [...found].map((file) => relative(home, file));
}

/**
 * Copies the modules an entry point reaches, each where it sits in the
 * package. esbuild walks the module graph (its metafile lists every module
 * read) and prints each module again: comments go, `/* @__PURE__ *\/`
 * annotations stay (minifying would drop them, and the tree shaking with them).
 */
async function copyModules(name, home, vendor, entries, javascriptOf) {
  const { metafile } = await build({
    entryPoints: [...entries].map((entry) => join(home, javascriptOf(entry))),
    absWorkingDir: process.cwd(),
    outdir: vendor,
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'neutral',
    logLevel: 'warning',
    plugins: [
      {
        name: 'overrides',
        setup(b) {
          b.onLoad({ filter: /\.js$/ }, (args) => {
            const contents = OVERRIDES.get(name)?.get(
              relative(home, args.path).split(sep).join('/'),
            );
            return contents === undefined ? undefined : { contents, loader: 'js' };
          });
        },
      },
    ],
  });
  const modules = Object.keys(metafile.inputs).map((input) =>
    relative(home, join(process.cwd(), input)),
  );
  for (const module of modules) {
    if (module.startsWith('..') || !module.endsWith('.js')) {
      fail(`${name} imports ${module}: only its own JavaScript modules can be copied`);
    }
    const { code } = await transform(await readPackageFile(name, home, module), {
      loader: 'js',
      logLevel: 'warning',
    });
    await mkdir(dirname(join(vendor, module)), { recursive: true });
    await writeFile(join(vendor, module), code);
  }
  return `${modules.length} modules`;
}

/**
 * Bundles, per entry point, just the names `dist/` imports from it, where the
 * entry's JavaScript sits in the package; code the entries share goes in one
 * chunk. Each bundle starts with a notice naming the package and its licence.
 */
async function bundleNames(name, vendor, used, javascriptOf, notice) {
  const VIRTUAL = 'vendor-entry';
  const { metafile } = await build({
    entryPoints: [...used.keys()].map((entry) => ({
      in: `${VIRTUAL}:${entry}`,
      out: javascriptOf(entry).replace(/\.js$/, ''),
    })),
    absWorkingDir: process.cwd(),
    outdir: vendor,
    bundle: true,
    splitting: true,
    metafile: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    chunkNames: 'chunk',
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
            contents: `export { ${[...used.get(args.path)].join(', ')} } from '${posix.join(name, args.path)}';`,
            resolveDir: process.cwd(),
          }));
        },
      },
    ],
  });
  const names = [...used].map(
    ([entry, n]) => `${[...n].join(', ')} from ${posix.join(name, entry)}`,
  );
  return `${Object.keys(metafile.outputs).length} bundles of ${names.join(', ')}`;
}

const files = [];
for (const entry of await readdir(dist, { recursive: true, withFileTypes: true })) {
  const path = join(entry.parentPath, entry.name);
  if (
    entry.isFile() &&
    /\.(js|d\.ts)$/.test(entry.name) &&
    !path.startsWith(join(dist, 'vendor') + sep)
  ) {
    files.push({ path, dir: entry.parentPath, text: await readFile(path, 'utf8') });
  }
}

const summaries = [];
for (const name of packages) {
  let home;
  try {
    home = dirname(require.resolve(`${name}/package.json`));
  } catch {
    fail(`${name} is not installed: it must be a devDependency of the package that vendors it`);
  }
  const manifest = JSON.parse(await readFile(join(home, 'package.json'), 'utf8'));
  const { version, license } = manifest;
  if (!LICENCES.has(license))
    fail(`${name} ${version} is licensed ${license}: check it before bundling it`);
  const licences = (await readdir(home)).filter((f) => /^licen[cs]e/i.test(f)).sort();
  if (licences.length === 0) fail(`${name} ${version} has no licence file to ship with its code`);
  const vendor = join(dist, 'vendor', name);

  /** `import { a, b as c } from 'zod'`, `export { z } from 'zod'`, `import type ...` (what tsc emits). */
  const IMPORT = new RegExp(
    `(?:import|export)\\s*(?:type\\s*)?\\{([^}]*)\\}\\s*from\\s*(['"])${escape(name)}(/[\\w./-]+)?\\2`,
    'g',
  );
  /** Any other mention of the package as a module specifier. */
  const ANY = new RegExp(`['"]${escape(name)}(/[^'"]*)?['"]`);

  /** The package's ESM JavaScript of an entry point (`.`, `./min`), relative to its folder. */
  const javascriptOf = (entry) => {
    const exported = manifest.exports?.[entry];
    const path = typeof exported === 'string' ? exported : (exported?.import ?? exported?.default);
    if (typeof path !== 'string' || !path.endsWith('.js')) {
      return fail(`${name} has no ES module for ${entry} in its exports`);
    }
    return posix.normalize(path);
  };

  /** The entry points, JavaScript or declarations, that dist/ imports. */
  const entries = new Set();
  /** Per entry point, the names the JavaScript imports. */
  const used = new Map();
  for (const file of files) {
    for (const [, names, , subpath] of file.text.matchAll(IMPORT)) {
      const entry = `.${subpath ?? ''}`;
      entries.add(entry);
      if (file.path.endsWith('.d.ts')) continue;
      const set = used.get(entry) ?? used.set(entry, new Set()).get(entry);
      for (const n of names.split(',').filter((s) => s.trim() !== '')) set.add(importedName(n));
    }
  }

  let rewritten = 0;
  for (const file of files) {
    const text = file.text.replace(IMPORT, (whole, _names, quote, subpath) =>
      whole.replace(
        `${quote}${name}${subpath ?? ''}${quote}`,
        `${quote}${relativeTo(file.dir, join(vendor, javascriptOf(`.${subpath ?? ''}`)))}${quote}`,
      ),
    );
    const left = ANY.exec(text);
    if (left) fail(`${file.path} imports ${left[0]} in a way this script does not rewrite`);
    if (text !== file.text) {
      file.text = text;
      file.changed = true;
      rewritten++;
    }
  }
  if (entries.size === 0) fail(`nothing in ${dist} imports ${name}: take it off the list`);

  const javascript = BY_NAME.has(name)
    ? await bundleNames(
        name,
        vendor,
        used,
        javascriptOf,
        `/*! ${name} ${version}, ${license} licence: see ${licences.join(', ')} in vendor/${name}/ */`,
      )
    : await copyModules(name, home, vendor, entries, javascriptOf);

  const declarations = new Set();
  for (const entry of entries) {
    const types = javascriptOf(entry).replace(/\.js$/, '.d.ts');
    for (const file of await declarationClosure(name, home, types)) declarations.add(file);
  }
  for (const file of declarations) {
    await mkdir(dirname(join(vendor, file)), { recursive: true });
    await writeFile(join(vendor, file), await readPackageFile(name, home, file));
  }
  for (const licence of licences) await copyFile(join(home, licence), join(vendor, licence));

  const imported = [...entries].map((entry) => posix.join(name, entry)).join(', ');
  summaries.push(
    `${name} ${version} (${imported}: ${javascript}, ${declarations.size} declaration files; ${rewritten} files import it there)`,
  );
}
// Last, once every package is in place: no dist/ file is left half rewritten.
for (const file of files) if (file.changed) await writeFile(file.path, file.text);
console.log(`vendor: copied into ${join(dist, 'vendor')}: ${summaries.join('; ')}`);
