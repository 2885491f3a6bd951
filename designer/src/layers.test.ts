// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The designer's floors, from the ground up (designer/README.md explains
 * each). A file may import its own folder and any folder on a LOWER floor;
 * folders on one floor do not know each other. A folder under `pages/` is a
 * room of its own; the files of `src/` itself (the app shell: `main.tsx`,
 * `App.tsx`) are the top floor, `.`. Tests, stories and `test/` are harnesses that assemble
 * pieces from any floor, and are not checked.
 */
const floors: readonly (readonly string[])[] = [
  ['i18n'],
  ['persistence', 'provider'],
  ['ui'],
  ['forms'],
  ['app'],
  ['editor'],
  ['canvas'],
  ['inspector'],
  ['checking', 'versions'],
  ['simulator'],
  ['publish', 'shortcuts', 'analytics'],
  ['nodes'],
  ['account'],
  ['remote'],
  ['pages/library'],
  ['pages/workspace', 'pages/settings'],
  ['pages/channels'],
  ['pages/customers'],
  ['pages/calls'],
  ['pages/editor'],
  ['.'],
];

const src = import.meta.dirname;
const floorOf = new Map(floors.flatMap((names, floor) => names.map((name) => [name, floor])));
const isHarness = (path: string) =>
  /\.(test|stories)\.tsx?$/.test(path) || path.startsWith('test/') || path.endsWith('.d.ts');

/** The room a path (relative to `src/`) stands in: its folder, `pages/<page>`, or `.` for `src/` itself. */
function roomOf(path: string): string {
  const parts = path.split('/');
  if (parts.length === 1) return '.';
  return parts[0] === 'pages' && parts.length > 2 ? `pages/${parts[1]}` : (parts[0] ?? '.');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [relative(src, path)] : [];
  });
}

/** Every relative import of every checked file (static, dynamic and side-effect imports alike), read by TypeScript's own scanner. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(src, file), 'utf8');
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((i) => i.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => relative(src, resolve(src, dirname(file), name)));
}

const files = sourceFiles(src)
  .map((file) => file.split('\\').join('/'))
  .filter((file) => !isHarness(file));

describe('the designer’s floors', () => {
  it('places every folder of src/ on a floor', () => {
    const unplaced = [...new Set(files.map(roomOf))].filter((room) => !floorOf.has(room));
    expect(unplaced, 'add these to `floors` in layers.test.ts and designer/README.md').toEqual([]);
  });

  it('has no import from a lower floor to a higher one, nor between folders of one floor', () => {
    const wrong = files.flatMap((file) => {
      const from = roomOf(file);
      return importsOf(file)
        .filter((target) => {
          const to = roomOf(target);
          return to !== from && (floorOf.get(to) ?? Infinity) >= (floorOf.get(from) ?? -1);
        })
        .map((target) => `${file} -> ${target}`);
    });
    expect(wrong).toEqual([]);
  });

  it('sees a wrong import when there is one (the check itself can fail)', () => {
    expect(roomOf('pages/editor/EditorPage.tsx')).toBe('pages/editor');
    expect(roomOf('canvas/FlowCanvas.tsx')).toBe('canvas');
    expect(floorOf.get(roomOf('ui/Button.tsx'))).toBeLessThan(floorOf.get('canvas') ?? -1);
    expect(importsOf('canvas/FlowCanvas.tsx')).toContain('editor/EditorContext.tsx');
  });
});
