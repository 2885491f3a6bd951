import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  Copy,
  Download,
  Ellipsis,
  PhoneOff,
  Play,
  Plus,
  Rocket,
  Trash2,
  Undo2,
  Redo2,
} from 'lucide-react';
import { useState } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { Badge, StatusPill } from './Badge.tsx';
import { Button, IconButton } from './Button.tsx';
import { DateField } from './DateField.tsx';
import { Dialog } from './Dialog.tsx';
import { DockGroup, DockMain, DockPanel, DockSeparator } from './Dock.tsx';
import { Select, TextField } from './Field.tsx';
import { Link } from './Link.tsx';
import { Menu, MenuItem, MenuSeparator } from './Menu.tsx';
import { Panel } from './Panel.tsx';
import { Switch } from './Switch.tsx';
import { DataTable, EmptyTable, numericCell } from './Table.tsx';
import { Tabs } from './Tabs.tsx';
import { ThemeMenu } from './ThemeMenu.tsx';
import { Toolbar, ToolbarItem, ToolbarSeparator } from './Toolbar.tsx';

/** The UI kit (designer/src/ui): Radix primitives on the design tokens of tokens.css. */
const meta = {
  title: 'UI kit',
  decorators: [
    (Story) => (
      <div style={{ padding: 24, display: 'grid', gap: 16, justifyItems: 'start' }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/** Every variant and size, with and without an icon; a link with a button's look. */
export const Buttons: Story = {
  render: () => (
    <>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Button variant="primary" icon={<Rocket />}>
          Publish
        </Button>
        <Button icon={<Play />}>Simulate</Button>
        <Button variant="ghost">Cancel</Button>
        <Button variant="danger" icon={<Trash2 />}>
          Delete
        </Button>
        <Button disabled>Disabled</Button>
        <Button size="sm" icon={<Plus />}>
          Small
        </Button>
        <Button asChild variant="secondary">
          <a href="#/teams">A link that looks like a button</a>
        </Button>
      </div>
      <p>
        Running text with a <Link href="#/schedules">link to the schedules</Link>.
      </p>
    </>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // Never a submit button by accident.
    await expect(canvas.getByRole('button', { name: 'Publish' })).toHaveAttribute('type', 'button');
    await expect(canvas.getByRole('link', { name: 'A link that looks like a button' })).toHaveClass(
      'ui-button',
    );
  },
};

/** Icon-only buttons: the label is the accessible name and the tooltip (with the keys). */
export const IconButtons: Story = {
  render: () => (
    <Toolbar label="History">
      <ToolbarItem>
        <IconButton label="Undo" keys="Ctrl+Z" icon={<Undo2 />} />
      </ToolbarItem>
      <ToolbarItem>
        <IconButton label="Redo" keys="Ctrl+Shift+Z" icon={<Redo2 />} />
      </ToolbarItem>
      <ToolbarSeparator />
      <ToolbarItem>
        <IconButton label="Copy" icon={<Copy />} />
      </ToolbarItem>
    </Toolbar>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const undo = canvas.getByRole('button', { name: 'Undo' });
    await userEvent.hover(undo);
    await expect(
      await within(document.body).findByRole('tooltip', {}, { timeout: 3000 }),
    ).toHaveTextContent('UndoCtrl+Z');
    // One Tab stop: arrow keys move inside the toolbar.
    await expect(canvas.getByRole('toolbar', { name: 'History' })).toBeVisible();
  },
};

/** A menu of actions; the theme choice as a radio group. */
export const Menus: Story = {
  render: () => (
    <div style={{ display: 'flex', gap: 8 }}>
      <Menu label="More actions" trigger={<IconButton label="More actions" icon={<Ellipsis />} />}>
        <MenuItem icon={<Download />} onSelect={() => undefined}>
          Export flow
        </MenuItem>
        <MenuItem icon={<Copy />} keys="Ctrl+D" onSelect={() => undefined}>
          Duplicate
        </MenuItem>
        <MenuSeparator />
        <MenuItem icon={<Trash2 />} danger disabled onSelect={() => undefined}>
          Delete
        </MenuItem>
      </Menu>
      <ThemeMenu />
    </div>
  ),
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'More actions' }));
    const menu = await within(document.body).findByRole('menu');
    await expect(within(menu).getByRole('menuitem', { name: /Export flow/ })).toBeVisible();
    await expect(within(menu).getByRole('menuitem', { name: /Delete/ })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await userEvent.keyboard('{Escape}');
  },
};

function DialogDemo() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Delete flow…</Button>
      {open && (
        <Dialog label="Delete “Reception”?" size="sm" onClose={() => setOpen(false)}>
          <p>Its versions and test cases go with it.</p>
          <div className="dialog__actions">
            <Button variant="danger" onClick={() => setOpen(false)}>
              Delete
            </Button>
          </div>
        </Dialog>
      )}
    </>
  );
}

/** A modal dialog: Escape, the Close button or a click outside closes it; the focus goes back. */
export const Dialogs: Story = {
  render: () => <DialogDemo />,
  play: async ({ canvasElement }) => {
    const opener = within(canvasElement).getByRole('button', { name: 'Delete flow…' });
    await userEvent.click(opener);
    const dialog = await within(document.body).findByRole('dialog', {
      name: 'Delete “Reception”?',
    });
    await expect(dialog).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await expect(within(document.body).queryByRole('dialog')).toBeNull();
  },
};

function SwitchDemo() {
  const [on, setOn] = useState(false);
  return (
    <Switch
      checked={on}
      onChange={setOn}
      label="Enable calls on +55 11 99999-0005"
      hint={on ? 'Customers see the call button.' : 'Calls are off.'}
    />
  );
}

/** A switch and its words are one control: the words are its label, and a click on them switches it too. */
export const Switches: Story = {
  render: () => <SwitchDemo />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const toggle = canvas.getByRole('switch', { name: 'Enable calls on +55 11 99999-0005' });
    await expect(toggle).toHaveAttribute('aria-checked', 'false');
    // Its words are its label (its accessible name above): in a browser a click on them switches it too.
    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute('aria-checked', 'true');
    await expect(toggle).toHaveAccessibleDescription('Customers see the call button.');
  },
};

/** Tabs, and the form fields with their hints and errors. */
export const TabsAndFields: Story = {
  render: () => (
    <div style={{ width: 420 }}>
      <Tabs
        label="Compiled machine"
        tabs={[
          {
            id: 'form',
            label: 'Settings',
            content: (
              <div style={{ display: 'grid', gap: 12 }}>
                <TextField label="Flow name" defaultValue="Reception" />
                <TextField
                  label="Default silence timeout (ms)"
                  defaultValue="-1"
                  hint="How long a menu waits for the caller."
                  error="Enter a number of milliseconds, 1 or more."
                />
                <Select label="Time zone" defaultValue="America/Sao_Paulo">
                  <option>America/Sao_Paulo</option>
                  <option>Europe/Madrid</option>
                </Select>
              </div>
            ),
          },
          { id: 'json', label: 'JSON', content: <pre>{'{ "id": "reception" }'}</pre> },
        ]}
      />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const timeout = canvas.getByRole('textbox', { name: 'Default silence timeout (ms)' });
    await expect(timeout).toHaveAttribute('aria-invalid', 'true');
    await expect(timeout).toHaveAccessibleDescription(
      'How long a menu waits for the caller. Enter a number of milliseconds, 1 or more.',
    );
    await userEvent.click(canvas.getByRole('tab', { name: 'JSON' }));
    await expect(canvas.getByText('{ "id": "reception" }')).toBeVisible();
  },
};

/**
 * A table of records: a sortable column marked with its arrow, numbers
 * right-aligned, the row's name a link; and what shows when nothing matches.
 * A day written as the page's language writes it, with the browser's calendar.
 */
export const TablesAndDates: Story = {
  render: function TablesAndDates() {
    const [order, setOrder] = useState<'ascending' | 'descending'>('descending');
    const [from, setFrom] = useState('2026-12-07');
    return (
      <div style={{ display: 'grid', gap: 16, width: 560 }}>
        <DateField label="From" value={from} onChange={setFrom} />
        <DataTable
          caption="Calls"
          columns={[
            {
              header: 'Start',
              sort: {
                label: 'Sort by Start',
                order,
                onSort: () => setOrder(order === 'ascending' ? 'descending' : 'ascending'),
              },
            },
            'Outcome',
            { header: 'Cost', numeric: true },
          ]}
        >
          <tr>
            <th scope="row">
              <a className="ui-table__link" href="#call">
                Dec 7, 8:41 AM
              </a>
            </th>
            <td>Transferred</td>
            <td className={numericCell}>R$ 0.08</td>
          </tr>
        </DataTable>
        <EmptyTable icon={<PhoneOff size={20} />} title="No calls match these filters.">
          <p>Try another period, or clear the filters.</p>
        </EmptyTable>
      </div>
    );
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('textbox', { name: 'From' })).toHaveValue('12/07/2026');
    const start = canvas.getByRole('columnheader', { name: /Start/ });
    await expect(start).toHaveAttribute('aria-sort', 'descending');
    await userEvent.click(canvas.getByRole('button', { name: 'Sort by Start' }));
    await expect(start).toHaveAttribute('aria-sort', 'ascending');
  },
};

/** Badges and status pills: a dot and words, never colour alone. */
export const BadgesAndPanels: Story = {
  render: () => (
    <Panel title="+55 11 99999-0005" actions={<Button size="sm">Assign callbot</Button>}>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Badge>Messages and calls</Badge>
        <Badge tone="accent">Callbot</Badge>
        <StatusPill tone="success">Active</StatusPill>
        <StatusPill tone="warning">Order received</StatusPill>
        <StatusPill tone="danger">Failed</StatusPill>
        <Badge tone="info">Example figures</Badge>
      </div>
    </Panel>
  ),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Active')).toBeVisible();
  },
};

/** Docked panels around a main area: hide one to a rail, show it again; drag or arrow the separator. */
export const DockedPanels: Story = {
  decorators: [
    (Story) => (
      <div style={{ height: 320, width: 800, border: '1px solid var(--color-border)' }}>
        <Story />
      </div>
    ),
  ],
  render: () => (
    <DockGroup id="storybook.dock">
      <DockPanel id="left" side="left" name="the palette" defaultSize="160px" minSize="120px">
        <p style={{ padding: 12 }}>Palette</p>
      </DockPanel>
      <DockSeparator label="the palette" />
      <DockMain id="main" minSize="50%">
        <p style={{ padding: 12 }}>Canvas</p>
      </DockMain>
      <DockSeparator label="the side panel" />
      <DockPanel id="right" side="right" name="the side panel" defaultSize="220px" minSize="160px">
        <p style={{ padding: 12 }}>Inspector</p>
      </DockPanel>
    </DockGroup>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('separator', { name: 'the side panel' })).toBeDefined();
    // Sizes need a layout engine: in jsdom (the unit tests) every panel measures 0.
    if (canvasElement.getBoundingClientRect().width === 0) return;
    await userEvent.click(canvas.getByRole('button', { name: 'Hide the palette' }));
    await expect(canvas.queryByText('Palette')).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Show the palette' }));
    await expect(canvas.getByText('Palette')).toBeVisible();
  },
};
