import { afterEach, describe, expect, it } from 'vitest';
import { nodeKinds, nodeKindNames } from '@callbot/shared';
import { commands } from '../editor/commands.ts';
import { StorageError, type StorageErrorKind } from '../persistence/index.ts';
import { shortcuts } from '../shortcuts/shortcuts.ts';
import { errorMessage } from '../ui/errorMessage.ts';
import { en } from './en.ts';
import { kindWords } from '../nodes/words.ts';
import { es } from './es.ts';
import {
  detectLanguage,
  formattingLocale,
  i18n,
  LANGUAGE_STORAGE_KEY,
  setLanguage,
} from './index.ts';
import { kindTitle, portLabel } from './nodeTerms.ts';
import { ptBR } from './pt-BR.ts';

/** Every leaf of a resource tree as `path: text`. */
function leaves(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [p, v] of leaves(value as object, path)) out.set(p, v);
  }
  return out;
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*([^,}\s]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

afterEach(async () => {
  localStorage.clear();
  await i18n.changeLanguage('en');
});

describe('detectLanguage', () => {
  it('takes the first language of the browser that the designer speaks', () => {
    expect(detectLanguage(['pt-BR', 'en'])).toBe('pt-BR');
    expect(detectLanguage(['es-AR'])).toBe('es');
    expect(detectLanguage(['fr', 'es'])).toBe('es');
    expect(detectLanguage(['pt-PT'])).toBe('pt-BR');
    expect(detectLanguage(['PT-br'])).toBe('pt-BR');
  });

  it('is English when the browser asks for English first, or for nothing it speaks', () => {
    expect(detectLanguage(['en-GB', 'pt-BR'])).toBe('en');
    expect(detectLanguage(['fr'])).toBe('en');
    expect(detectLanguage([])).toBe('en');
  });

  it('gives English to the test browser (jsdom asks for en-US)', () => {
    expect(navigator.languages[0]).toBe('en-US');
    expect(i18n.language).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});

describe('resources', () => {
  const english = leaves(en);

  it.each([
    ['pt-BR', ptBR],
    ['es', es],
  ])('%s has exactly the English keys, with the same placeholders', (_, resources) => {
    const translated = leaves(resources);
    expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of english) {
      expect(placeholders(translated.get(key)!), key).toEqual(placeholders(text));
      expect(translated.get(key), key).not.toBe('');
    }
  });

  it('names kinds, ports, commands and shortcuts in English exactly as their sources do', () => {
    for (const kind of nodeKindNames) {
      expect(kindWords[kind].en).toMatchObject({
        title: nodeKinds[kind].title,
        description: nodeKinds[kind].description,
      });
      const defaults = nodeKinds[kind].defaults('en') as never;
      for (const port of nodeKinds[kind].ports(defaults)) {
        if (!port.id.startsWith('option:')) expect(portLabel(port)).toBe(port.label);
      }
    }
    for (const [name, command] of Object.entries(commands)) {
      expect(en.commands[name as keyof typeof en.commands]).toBe(command.label);
    }
    for (const shortcut of shortcuts) {
      expect(en.shortcuts.actions[shortcut.id]).toBe(shortcut.label);
    }
  });

  it('says the storage errors in English exactly as the storage layer does', () => {
    const kinds: StorageErrorKind[] = ['quota', 'blocked', 'closed', 'unknown'];
    for (const kind of kinds) {
      const error = new StorageError(kind);
      expect(errorMessage(error, '')).toBe(error.message);
    }
  });
});

describe('switching language', () => {
  it('translates kinds and ports by name, keeping a menu option’s own words', async () => {
    await setLanguage('pt-BR');
    expect(kindTitle('menu')).toBe('Menu de botões');
    expect(portLabel({ id: 'noAgents', label: 'no agents' })).toBe('sem agentes');
    expect(portLabel({ id: 'option:opt1', label: '1 · Vendas' })).toBe('1 · Vendas');
    await setLanguage('es');
    expect(kindTitle('menu')).toBe('Menú de botones');
  });

  it('remembers the choice, and marks the page with it', async () => {
    await setLanguage('es');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('es');
    expect(i18n.language).toBe('es');
    expect(document.documentElement.lang).toBe('es');
  });

  it('formats numbers in the active language', async () => {
    expect(i18n.t('inspector.issues.min', { min: 1000 })).toBe('Use at least 1,000.');
    await setLanguage('pt-BR');
    expect(i18n.t('inspector.issues.min', { min: 1000 })).toBe('Use pelo menos 1.000.');
  });

  it('formats dates in the browser’s variant of the UI language, else in the UI language', () => {
    expect(formattingLocale('en', ['en-GB', 'pt-BR'])).toBe('en-GB');
    expect(formattingLocale('pt-BR', ['en-US'])).toBe('pt-BR');
    expect(formattingLocale('es', ['es-MX', 'en'])).toBe('es-MX');
  });
});
