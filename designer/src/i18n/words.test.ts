import { describe, expect, it } from 'vitest';
import { es } from './es.ts';
import { ptBR } from './pt-BR.ts';

/** Every node kind's words file (`nodes/<kind>/words.ts`), whatever the registry looks like. */
const kindWordFiles = import.meta.glob<Record<string, Record<string, unknown>>>(
  '../nodes/*/words.ts',
  { eager: true },
);

/** Every string of a resource tree, with where it is. */
function strings(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) => strings(v, path ? `${path}.${key}` : key));
}

/** A language's strings: its resources and the node kinds' words in it. */
function allStrings(language: 'es' | 'pt-BR', resources: unknown): [string, string][] {
  const kinds = Object.entries(kindWordFiles).flatMap(([file, module]) =>
    Object.values(module).flatMap((words) =>
      typeof words === 'object' && words !== null && language in words
        ? strings(words[language], file)
        : [],
    ),
  );
  return [...strings(resources, language), ...kinds];
}

/** The strings where `pattern` occurs, as "path: text", for a failure that says where. */
const offending = (all: [string, string][], pattern: RegExp) =>
  all.filter(([, text]) => pattern.test(text)).map(([path, text]) => `${path}: ${text}`);

describe('the words of the UI (issue 15 "Words")', () => {
  const pt = allStrings('pt-BR', ptBR);
  const spanish = allStrings('es', es);

  it('pt-BR says chamadas "habilitadas/desabilitadas", "linha móvel pessoal", "agentes" and "chamadas"', () => {
    // "ligadas"/"desligadas" for calls that are enabled or not (a call hung up, "desligada", is fine).
    expect(offending(pt, /\bligad[ao]s\b|\bdesligadas\b/i)).toEqual([]);
    expect(offending(pt, /celular pessoal/i)).toEqual([]);
    expect(offending(pt, /\batendentes?\b/i)).toEqual([]);
    expect(offending(pt, /\bligaç(ão|ões)\b/i)).toEqual([]);
  });

  it('es addresses the user as usted, with Latin-American terms and one quote style', () => {
    // tú / vos forms: pronouns, possessives and the verb forms the UI used.
    expect(
      offending(
        spanish,
        /\b(tú|tus?|vos|contigo|tuyos?|tuyas?|puedes|tienes|quieres|debes|habilites|añádelo|inténtalo|vuelve a intentarlo|cópialo|recarga el|exporta el|completa antes|cambia el|vuelve a escribir)\b/i,
      ),
    ).toEqual([]);
    expect(
      offending(spanish, /\b(festivos?|móvil(es)?|centralitas?|conmutador(es)?|importe)\b/i),
    ).toEqual([]);
    // One quote style: «…», never “…” nor straight double quotes.
    expect(offending(spanish, /["“”]/)).toEqual([]);
  });
});
