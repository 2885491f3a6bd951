import {
  PanelBottomClose,
  PanelLeftClose,
  PanelLeftOpen,
  PanelRightClose,
  PanelRightOpen,
} from 'lucide-react';
import { createContext, useContext, useRef, useState, type ReactNode, type RefObject } from 'react';
import {
  Group,
  Panel,
  Separator,
  useDefaultLayout,
  type PanelImperativeHandle,
} from 'react-resizable-panels';
import { useTranslation } from 'react-i18next';
import { IconButton } from './Button.tsx';
import './Dock.css';

/** Where layouts are remembered (per browser): sizes and what is collapsed. */
const layoutStorage = {
  getItem: (key: string) => {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  setItem: (key: string, value: string) => {
    try {
      localStorage.setItem(key, value);
    } catch {
      // No storage (private mode): the layout holds until the page closes.
    }
  },
};

/**
 * A row (or column) of docked panels around a main area, resizable with
 * the separators (mouse or arrow keys), each size remembered in this
 * browser under `id` (react-resizable-panels).
 */
export function DockGroup({
  id,
  orientation = 'horizontal',
  className,
  children,
}: {
  id: string;
  orientation?: 'horizontal' | 'vertical';
  className?: string;
  children: ReactNode;
}) {
  const { defaultLayout, onLayoutChanged } = useDefaultLayout({
    id,
    storage: layoutStorage,
    onlySaveAfterUserInteractions: false,
  });
  return (
    <Group
      id={id}
      orientation={orientation}
      className={['dock', className].filter(Boolean).join(' ')}
      defaultLayout={defaultLayout}
      onLayoutChanged={onLayoutChanged}
      resizeTargetMinimumSize={{ coarse: 24, fine: 9 }}
    >
      {children}
    </Group>
  );
}

/** The main area of a `DockGroup` (the canvas): never smaller than `minSize`. */
export function DockMain({
  id,
  minSize,
  children,
}: {
  id: string;
  minSize?: string;
  children: ReactNode;
}) {
  return (
    <Panel id={id} minSize={minSize} className="dock__main">
      {children}
    </Panel>
  );
}

/** The handle between two panels; its name says which panel it resizes. */
export function DockSeparator({ label }: { label: string }) {
  return <Separator className="dock__separator" aria-label={label} />;
}

type Side = 'left' | 'right' | 'bottom';

/** A collapsed panel with a rail keeps this much room for its Show button. */
const RAIL_PIXELS = 40;

const hideIcons: Record<Side, ReactNode> = {
  left: <PanelLeftClose />,
  right: <PanelRightClose />,
  bottom: <PanelBottomClose />,
};
const showIcons: Record<Side, ReactNode> = {
  left: <PanelLeftOpen />,
  right: <PanelRightOpen />,
  bottom: <PanelBottomClose />,
};

/** The open panel's Hide button, for `DockHide` to place in the panel's header row. */
const HideContext = createContext<ReactNode>(null);

/**
 * The Hide button of the docked panel around it, where its content puts it:
 * in its own header row, beside its heading (nothing outside a `DockPanel`).
 */
export function DockHide() {
  return useContext(HideContext);
}

/**
 * A docked panel: resizable between `minSize` and `maxSize`, collapsible by
 * its Hide button to a thin rail with a Show button (or to nothing, for a
 * panel another control shows: `rail={false}`). The Hide button is laid out
 * in a row, never over the panel's content: its content places it in its
 * header row with `DockHide` (`ownHeader`), or the panel gives it a row of
 * its own above the content.
 */
export function DockPanel({
  id,
  side,
  name,
  defaultSize,
  minSize,
  maxSize,
  rail = true,
  ownHeader = false,
  panelRef,
  onCollapsedChange,
  children,
}: {
  id: string;
  side: Side;
  /** What the panel is, for "Hide the palette" / "Show the palette". */
  name: string;
  defaultSize: string;
  minSize: string;
  maxSize?: string;
  rail?: boolean;
  /** The content shows the Hide button in its own header row (`DockHide`). */
  ownHeader?: boolean;
  panelRef?: RefObject<PanelImperativeHandle | null>;
  onCollapsedChange?: (collapsed: boolean) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [collapsed, setCollapsed] = useState(false);
  /** The state last told to `onCollapsedChange` (nothing yet on mount). */
  const reported = useRef<boolean | null>(null);
  const handle = useRef<PanelImperativeHandle | null>(null);
  const railPixels = rail ? RAIL_PIXELS : 0;
  const hide = (
    <IconButton
      size="sm"
      className="dock__hide"
      label={t('shell.panels.hide', { panel: name })}
      icon={hideIcons[side]}
      onClick={() => handle.current?.collapse()}
    />
  );
  return (
    <HideContext.Provider value={hide}>
      <Panel
        id={id}
        collapsible
        collapsedSize={`${railPixels}px`}
        defaultSize={defaultSize}
        minSize={minSize}
        {...(maxSize !== undefined && { maxSize })}
        groupResizeBehavior="preserve-pixel-size"
        className={`dock__panel dock__panel--${side}`}
        panelRef={(instance: PanelImperativeHandle | null) => {
          handle.current = instance;
          if (panelRef) panelRef.current = instance;
        }}
        onResize={(size) => {
          const now = size.inPixels <= railPixels + 0.5;
          if (now === reported.current) return;
          reported.current = now;
          setCollapsed(now);
          onCollapsedChange?.(now);
        }}
        data-collapsed={collapsed || undefined}
      >
        {collapsed ? (
          rail && (
            <div className="dock__rail">
              <IconButton
                label={t('shell.panels.show', { panel: name })}
                icon={showIcons[side]}
                onClick={() => handle.current?.expand()}
              />
            </div>
          )
        ) : (
          <div className="dock__content">
            {!ownHeader && (
              <div className="dock__head">
                <DockHide />
              </div>
            )}
            {children}
          </div>
        )}
      </Panel>
    </HideContext.Provider>
  );
}
