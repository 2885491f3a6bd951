import { DTMF_KEYS, optionPort, type NodeOfKind } from '@callbot/shared';
import { ArrowDown, ArrowUp, Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../../editor/EditorContext.tsx';
import type { EditorState } from '../../editor/store.ts';
import { DataField, SpokenTextField } from '../../inspector/DataField.tsx';
import { DiagnosticNote, SelectField, type SelectOption } from '../../inspector/FormFields.tsx';
import { dataPathOf } from '../../inspector/diagnostics.ts';
import { asNumber, commaList, optionalNumber, optionalText } from '../../inspector/parsers.ts';
import { PortTargetField, portDiagnostics } from '../../inspector/PortTargetField.tsx';
import { useNodeForm, type NodeForm } from '../../inspector/useNodeForm.ts';
import type { InspectorFormProps } from '../../canvas/defineNodeUI.ts';
import { IconButton } from '../../ui/Button.tsx';

type MenuData = NodeOfKind<'menu'>['data'];
type MenuOption = MenuData['options'][number];

/** As many options as a keypad has keys (and as the schema allows). */
export const MAX_OPTIONS = 12;
/** Keys in the order a new option takes them: 1 to 9, then 0, * and #. */
const KEY_ORDER = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*', '#'] as const;

/** The first key, in keypad order, that no option uses yet; `''` when all are taken. */
export function nextFreeKey(options: readonly MenuOption[]): string {
  return KEY_ORDER.find((key) => !options.some((o) => o.key === key)) ?? '';
}

/** An option id no option uses: `opt1`, `opt2`, ... Its port is `option:<id>`. */
export function freshOptionId(options: readonly MenuOption[]): string {
  const used = new Set(options.map((o) => o.id));
  for (let n = options.length + 1; ; n++) if (!used.has(`opt${n}`)) return `opt${n}`;
}

/** The menu with a new option: a fresh id, the next free key, no keywords. */
export const withNewOption = (data: MenuData): MenuData => ({
  ...data,
  options: [
    ...data.options,
    { id: freshOptionId(data.options), key: nextFreeKey(data.options), keywords: [] },
  ],
});

function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const copy = [...items];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item!);
  return copy;
}

const selectFlowTimeout = (s: EditorState) => s.doc.settings.noInputTimeoutMs;

/**
 * A button menu: its prompt; its options (key, keywords, label and the node
 * each leads to), which can be added, removed and reordered; and what happens
 * after silence (no input) or a wrong answer (no match).
 */
export function MenuInspector({ node }: InspectorFormProps<'menu'>) {
  const { t } = useTranslation();
  const form = useNodeForm(node);
  const flowTimeout = useEditor(selectFlowTimeout);
  const { options } = node.data;
  const setOptions = (next: MenuOption[]) => form.commit({ ...node.data, options: next });
  const listNotes = form.diagnostics.filter((d) => dataPathOf(d) === 'options');

  return (
    <>
      <SpokenTextField form={form} path={['prompt']} label={t('inspector.menu.prompt')} rows={3} />

      <fieldset className="inspector__group">
        <legend>{t('inspector.menu.options')}</legend>
        <p className="field__hint">{t('inspector.menu.optionsHint')}</p>
        {listNotes.map((d, i) => (
          <DiagnosticNote key={i} diagnostic={d} />
        ))}
        <ol className="menu-options">
          {options.map((option, i) => (
            <li key={option.id} className="menu-options__item">
              <OptionEditor
                form={form}
                option={option}
                index={i}
                onMove={(to) => setOptions(moveItem(options, i, to))}
                onRemove={() => setOptions(options.filter((o) => o.id !== option.id))}
              />
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="inspector__button"
          disabled={options.length >= MAX_OPTIONS}
          onClick={() => form.commit(withNewOption(node.data))}
        >
          {t('inspector.menu.addOption')}
        </button>
        {options.length >= MAX_OPTIONS && (
          <p className="field__hint">{t('inspector.menu.maxOptions', { max: MAX_OPTIONS })}</p>
        )}
      </fieldset>

      <fieldset className="inspector__group">
        <legend>{t('inspector.menu.noInput')}</legend>
        <DataField
          form={form}
          path={['noInput', 'timeoutMs']}
          label={t('inspector.menu.timeout')}
          type="number"
          min={1000}
          max={120000}
          step={500}
          parse={optionalNumber}
          placeholder={String(flowTimeout)}
          hint={t('inspector.menu.timeoutHint', { ms: flowTimeout })}
        />
        <RepeatFields form={form} node={node} counter="noInput" />
      </fieldset>

      <fieldset className="inspector__group">
        <legend>{t('inspector.menu.noMatch')}</legend>
        <RepeatFields form={form} node={node} counter="noMatch" />
      </fieldset>
    </>
  );
}

interface OptionEditorProps {
  form: NodeForm<MenuData>;
  option: MenuOption;
  index: number;
  onMove: (to: number) => void;
  onRemove: () => void;
}

/** How often the prompt is repeated after silence or a wrong input, what is said first, and where to go then. */
function RepeatFields({
  form,
  node,
  counter,
}: {
  form: NodeForm<MenuData>;
  node: NodeOfKind<'menu'>;
  counter: 'noInput' | 'noMatch';
}) {
  const { t } = useTranslation();
  return (
    <>
      <DataField
        form={form}
        path={[counter, 'repeats']}
        label={t('inspector.menu.repeats')}
        type="number"
        min={0}
        max={9}
        parse={asNumber}
        hint={t(`inspector.menu.${counter}RepeatsHint`)}
      />
      <DataField
        form={form}
        path={[counter, 'message']}
        label={t('inspector.menu.repeatMessage')}
        parse={optionalText}
      />
      <PortTargetField
        node={node}
        port={counter}
        label={t('inspector.outputs.then')}
        diagnostics={portDiagnostics(form.diagnostics, counter)}
      />
    </>
  );
}

function OptionEditor({ form, option, index, onMove, onRemove }: OptionEditorProps) {
  const { t } = useTranslation();
  const { options } = form.data;
  const n = index + 1;
  const owners = new Map(options.map((o, i) => [o.key, i + 1] as const));
  const keyChoices: SelectOption[] = KEY_ORDER.map((key) => {
    const owner = owners.get(key);
    return {
      value: key,
      label:
        owner !== undefined && owner !== n
          ? t('inspector.menu.keyTaken', { dtmf: key, n: owner })
          : key,
    };
  });
  if (!(DTMF_KEYS as readonly string[]).includes(option.key)) {
    keyChoices.unshift({
      value: option.key,
      label: option.key === '' ? t('inspector.menu.noKey') : option.key,
    });
  }
  const idNotes = form.diagnostics.filter((d) => dataPathOf(d) === `options[${index}].id`);

  return (
    <fieldset className="menu-option">
      <legend>{t('inspector.menu.option', { n })}</legend>
      {idNotes.map((d, i) => (
        <DiagnosticNote key={i} diagnostic={d} />
      ))}
      <SelectField
        label={t('inspector.menu.key')}
        className="menu-option__key"
        value={option.key}
        options={keyChoices}
        diagnostics={form.diagnosticsAt(['options', index, 'key'])}
        onChange={(key) => form.set(['options', index, 'key'], key)}
      />
      <DataField
        form={form}
        path={['options', index, 'label']}
        label={t('inspector.menu.label')}
        className="menu-option__label"
        parse={optionalText}
        placeholder={option.keywords[0]}
      />
      <DataField
        form={form}
        path={['options', index, 'keywords']}
        label={t('inspector.menu.keywords')}
        parse={commaList}
        placeholder={t('inspector.menu.keywordsPlaceholder')}
      />
      <PortTargetField
        node={form.node}
        port={optionPort(option)}
        label={t('inspector.menu.goesTo')}
        diagnostics={portDiagnostics(form.diagnostics, optionPort(option))}
      />
      <div className="menu-option__actions">
        <IconButton
          size="sm"
          icon={<ArrowUp />}
          label={t('inspector.menu.moveUp', { n })}
          disabled={index === 0}
          onClick={() => onMove(index - 1)}
        />
        <IconButton
          size="sm"
          icon={<ArrowDown />}
          label={t('inspector.menu.moveDown', { n })}
          disabled={index === options.length - 1}
          onClick={() => onMove(index + 1)}
        />
        <IconButton
          size="sm"
          icon={<Trash2 />}
          label={t('inspector.menu.removeOption', { n })}
          onClick={onRemove}
        />
      </div>
    </fieldset>
  );
}
