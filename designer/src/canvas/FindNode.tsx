import { useId, useMemo, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { useEditor, useEditorStore } from '../editor/EditorContext.tsx';
import type { EditorState } from '../editor/store.ts';
import { colourOf, searchTextsOf, useNodeUIs } from './NodeUIContext.tsx';
import { buildNodeSearchIndex, findNodes, type NodeMatch } from './findNodes.ts';
import './FindNode.css';

const selectNodes = (s: EditorState) => s.doc.nodes;

/** The zoom a found node is shown at, unless the canvas is already closer. */
const FOUND_ZOOM = 1;

/**
 * A search box that finds a node by its id, label or what it says (accents
 * and case ignored); choosing a result selects the node and centres the
 * canvas on it. Must be inside the same `ReactFlowProvider` as the `FlowCanvas`.
 */
export function FindNode() {
  const { t } = useTranslation();
  const nodes = useEditor(selectNodes);
  const editor = useEditorStore();
  const flow = useReactFlow();
  const listId = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  const registry = useNodeUIs();
  const index = useMemo(
    () => buildNodeSearchIndex(nodes, (node) => searchTextsOf(registry, node), t),
    [nodes, registry, t],
  );
  const results = useMemo(() => findNodes(index, query), [index, query]);
  const showList = open && query.trim() !== '';
  const current = Math.min(active, results.length - 1);

  const choose = (match: NodeMatch) => {
    editor.getState().select({ nodes: [match.id], edges: [] });
    setOpen(false);
    const found = flow.getInternalNode(match.id);
    if (!found) return;
    const { x, y } = found.internals.positionAbsolute;
    void flow.setCenter(x + (found.measured.width ?? 0) / 2, y + (found.measured.height ?? 0) / 2, {
      zoom: Math.max(flow.getZoom(), FOUND_ZOOM),
      duration: 300,
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (results.length > 0) {
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((Math.max(current, 0) + step + results.length) % results.length);
      }
    } else if (event.key === 'Enter') {
      const match = results[Math.max(current, 0)];
      if (showList && match) {
        event.preventDefault();
        choose(match);
      }
    } else if (event.key === 'Escape') {
      if (showList) setOpen(false);
      else setQuery('');
    }
  };

  const optionId = (i: number) => `${listId}-${i}`;
  return (
    <div className="find-node">
      <input
        type="search"
        role="combobox"
        className="find-node__input"
        aria-label={t('find.label')}
        placeholder={t('find.placeholder')}
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && current >= 0 ? optionId(current) : undefined}
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={t('find.results')}
        className="find-node__results"
        hidden={!showList}
      >
        {results.map((match, i) => (
          <li
            key={match.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === current}
            className="find-node__result"
            style={{ '--kind-color': colourOf(registry, match.node.kind) } as CSSProperties}
            // Keep the focus in the box, so the list does not close before the click.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(match)}
          >
            <span className="find-node__name">{match.name}</span>
            {match.excerpt !== undefined && (
              <span className="find-node__excerpt">{match.excerpt}</span>
            )}
          </li>
        ))}
        {results.length === 0 && (
          <li role="presentation" className="find-node__none">
            {t('find.none', { query: query.trim() })}
          </li>
        )}
      </ul>
    </div>
  );
}
