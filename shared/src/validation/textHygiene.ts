import { formatPath, type Diagnostic } from '../document/diagnostic.ts';
import type { FlowDocument } from '../document/schema.ts';

/** NUL, or half of a surrogate pair (a character outside the BMP, such as an emoji, cut in two). */
const UNSAFE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text no call can carry: a NUL character or a lone surrogate, anywhere in
 * the document (names, prompts, keywords...). Neither can be said, stored
 * (PostgreSQL refuses both in JSON) nor written in TwiML; they come from
 * pasting out of other programs. One error per text, naming where it is.
 */
export function checkTextHygiene(doc: FlowDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  const visit = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === 'string') {
      if (UNSAFE.test(value)) {
        const where = formatPath(path);
        const node = path[0] === 'nodes' ? doc.nodes[path[1] as number] : undefined;
        out.push({
          severity: 'error',
          code: 'text.invalidCharacter',
          message: `The text at ${where} holds a character a call cannot carry (a NUL, or half of an emoji).`,
          hint: 'Retype that text: pasting from another program can bring such characters.',
          params: { path: where },
          ...(node && { nodeId: node.id }),
          path: where,
        });
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...path, i]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
    }
  };
  visit(doc, []);
  return out;
}
