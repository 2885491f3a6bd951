#!/usr/bin/env node
/**
 * After `tsc` has emitted a package's `dist/`: relative imports in its `.d.ts`
 * files end in `.js`, as they do in its JavaScript. (`tsc` rewrites `.ts` to
 * `.js` in the JavaScript it emits, `rewriteRelativeImportExtensions`, but
 * leaves `.ts` in declarations; TypeScript reads either, some editors and
 * tools only the first.)
 *
 *   node ../scripts/dts-js-extensions.js dist
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const [dir] = process.argv.slice(2);
if (!dir) {
  console.error('usage: dts-js-extensions.js DIR');
  process.exit(2);
}

/** `from './x.ts'`, `import('../y.ts')`: relative specifiers ending in .ts. */
const RELATIVE_TS = /((?:from|import)\s*\(?\s*)(['"])(\.\.?\/[^'"]*?)\.ts\2/g;

let files = 0;
for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
  const path = join(entry.parentPath, entry.name);
  const text = await readFile(path, 'utf8');
  const fixed = text.replace(RELATIVE_TS, '$1$2$3.js$2');
  if (fixed !== text) {
    await writeFile(path, fixed);
    files++;
  }
}
console.log(`dts-js-extensions: ${files} declaration files in ${dir} now import .js`);
