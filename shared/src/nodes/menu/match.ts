/** DTMF keys a caller can press. */
export const DTMF_KEYS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#'] as const;
export type DtmfKey = (typeof DTMF_KEYS)[number];

export const isDtmfKey = (key: string): key is DtmfKey =>
  (DTMF_KEYS as readonly string[]).includes(key);

/** Lower case, accents removed, punctuation as spaces: "Suporte Técnico!" -> "suporte tecnico". */
export function normalizeSpeech(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Whether what the caller said contains one of the keywords as whole words,
 * ignoring case and accents: "quero falar com VENDAS" matches "vendas",
 * "vendedor" does not.
 */
export function speechMatches(text: string, keywords: readonly string[]): boolean {
  const said = ` ${normalizeSpeech(text)} `;
  return keywords.some((keyword) => {
    const k = normalizeSpeech(keyword);
    return k !== '' && said.includes(` ${k} `);
  });
}
