import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import type { LucideIcon } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { normalizeSpeech } from '@callbot/shared';
import './ChoiceMenu.css';

/** One choice of a `ChoiceMenu`. */
export interface Choice {
  id: string;
  label: string;
  /** A heading the choice is listed under ("Nodes", "New node"). */
  group: string;
  /** A colour mark before the label (the node kind's). */
  colour?: string;
  /** An icon before the label, in that colour (the node kind's). */
  icon?: LucideIcon;
}

export interface ChoiceMenuProps {
  /** What the menu is for, its accessible name and heading: "Connect “next” to…". */
  title: string;
  choices: readonly Choice[];
  /** Where it opens, in window coordinates (its top-left corner, kept inside the window). */
  at: { x: number; y: number };
  onChoose: (choice: Choice) => void;
  /** Escape, a click elsewhere, or a choice made: the caller puts the focus back. */
  onClose: () => void;
}

/**
 * A small dialog to pick one of a few things from the keyboard or the
 * pointer: a filter field (a combobox) over a grouped list box. Arrows move,
 * Enter picks, Escape closes; typing filters (accents and case ignored).
 * Drawn over the page (a portal), so the canvas's zoom does not scale it.
 */
export function ChoiceMenu({ title, choices, at, onChoose, onClose }: ChoiceMenuProps) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);

  const shown = useMemo(() => {
    const q = normalizeSpeech(query);
    return q === '' ? choices : choices.filter((c) => normalizeSpeech(c.label).includes(q));
  }, [choices, query]);
  const current = shown[Math.min(active, shown.length - 1)];

  useEffect(() => input.current?.focus(), []);
  // A press anywhere else closes it.
  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (!box.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [onClose]);
  useEffect(() => {
    // (jsdom, where stories are also tested, has no scrollIntoView.)
    const option: Partial<Pick<Element, 'scrollIntoView'>> | null = document.getElementById(
      `${id}-${active}`,
    );
    option?.scrollIntoView?.({ block: 'nearest' });
  }, [active, id]);

  const onKeyDown = (event: KeyboardEvent) => {
    const last = shown.length - 1;
    const moves: Record<string, () => number> = {
      ArrowDown: () => (active >= last ? 0 : active + 1),
      ArrowUp: () => (active <= 0 ? last : active - 1),
      Home: () => 0,
      End: () => last,
    };
    if (event.key in moves) {
      event.preventDefault();
      setActive(Math.max(0, moves[event.key]!()));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (current) onChoose(current);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (event.key === 'Tab') {
      onClose();
    }
  };

  // Keep the whole menu inside the window.
  const width = 280;
  const style = {
    left: Math.max(8, Math.min(at.x, window.innerWidth - width - 8)),
    top: Math.max(8, Math.min(at.y, window.innerHeight - 340)),
    width,
  };
  return createPortal(
    <div
      ref={box}
      role="dialog"
      aria-label={title}
      className="choice-menu"
      style={style}
      onKeyDown={onKeyDown}
    >
      <p className="choice-menu__title" aria-hidden="true">
        {title}
      </p>
      <input
        ref={input}
        className="choice-menu__filter"
        role="combobox"
        aria-label={t('canvasUi.filter')}
        placeholder={t('canvasUi.filterPlaceholder')}
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-activedescendant={current ? `${id}-${shown.indexOf(current)}` : undefined}
        aria-autocomplete="list"
        autoComplete="off"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
      />
      <ul id={`${id}-list`} role="listbox" aria-label={title} className="choice-menu__list">
        {shown.length === 0 && (
          <li role="presentation" className="choice-menu__none">
            {t('canvasUi.noChoice')}
          </li>
        )}
        {shown.flatMap((choice, i) => {
          const heading =
            i === 0 || shown[i - 1]!.group !== choice.group ? (
              <li key={`group-${choice.group}`} role="presentation" className="choice-menu__group">
                {choice.group}
              </li>
            ) : null;
          const item = (
            <li
              key={choice.id}
              id={`${id}-${i}`}
              role="option"
              aria-selected={choice === current}
              className="choice-menu__option"
              // The input keeps the focus; a press picks.
              onPointerDown={(event) => event.preventDefault()}
              onClick={() => onChoose(choice)}
              onPointerMove={() => setActive(i)}
            >
              {choice.icon ? (
                <choice.icon
                  className="choice-menu__icon"
                  size={16}
                  color={choice.colour}
                  aria-hidden="true"
                />
              ) : (
                choice.colour && (
                  <span
                    className="choice-menu__swatch"
                    style={{ background: choice.colour }}
                    aria-hidden="true"
                  />
                )
              )}
              {choice.label}
            </li>
          );
          return heading ? [heading, item] : [item];
        })}
      </ul>
    </div>,
    document.body,
  );
}
