import type { FlowDocument } from '@callbot/shared';
import { useEffect, useRef, useState } from 'react';
import { i18n, type Translate } from '../../i18n/index.ts';
import { kindTitle } from '../../i18n/nodeTerms.ts';
import { useCallsClient } from './callsContext.ts';

/**
 * A node's name as a business user knows it: its label in the document, or
 * its kind's title in the UI language when it has none ("Menu de botões");
 * null when the document has no such node. Ids are never names.
 */
export function nodeNameIn(
  doc: FlowDocument | null | undefined,
  id: string,
  t: Translate = i18n.t,
): string | null {
  const node = doc?.nodes.find((n) => n.id === id);
  if (!node) return null;
  return node.label?.trim() ? node.label : kindTitle(node.kind, t);
}

/** The key of a published version in {@link useVersionDocs}' map. */
export const versionKey = (callbot: string, version: number) => `${callbot}@${version}`;

/**
 * The documents of the published versions `wanted` (callbot and version),
 * each read once from the server, by {@link versionKey}: absent while it is
 * read, null when the server keeps it no more. A version that could not be
 * read (the server unreachable) is asked again when it is wanted again.
 */
export function useVersionDocs(
  wanted: readonly { callbot: string; version: number }[],
): ReadonlyMap<string, FlowDocument | null> {
  const client = useCallsClient();
  const [docs, setDocs] = useState<ReadonlyMap<string, FlowDocument | null>>(new Map());
  const asked = useRef(new Set<string>());
  const keys = [...new Set(wanted.map((w) => versionKey(w.callbot, w.version)))].sort().join('\n');
  useEffect(() => {
    // An answer after the view has gone is dropped by React.
    for (const { callbot, version } of wanted) {
      const key = versionKey(callbot, version);
      if (asked.current.has(key)) continue;
      asked.current.add(key);
      client.versionDoc(callbot, version).then(
        (doc) => setDocs((now) => new Map(now).set(key, doc)),
        () => asked.current.delete(key),
      );
    }
    // `keys` says which versions are wanted; `wanted` itself is a new array at each message.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, keys]);
  return docs;
}
