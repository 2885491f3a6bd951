import { useState, type ReactNode } from 'react';
import { sameName } from '@callbot/shared';
import { workspaceMessage } from '../app/workspaceMessages.ts';
import { DataField } from '../inspector/DataField.tsx';
import type { NodeForm } from '../inspector/useNodeForm.ts';
import type { Path } from '../inspector/paths.ts';
import { Button } from '../ui/Button.tsx';

/**
 * A node's field that names a record of the workspace (a transfer's team, a
 * fallback bot's bot): a combobox that offers the workspace's names as you
 * type. A name the workspace lacks is a diagnostic of the flow (the checks
 * panel lists it too), shown under the field with a button that creates the
 * record through the workspace repository (`create`), after which the name is
 * the workspace's. Without a workspace (a story, a test),
 * it offers the names the flow already uses (`fallback`).
 */
export function WorkspaceNameField<D>({
  form,
  path,
  label,
  hint,
  value,
  names,
  fallback,
  create,
  words,
}: {
  form: NodeForm<D>;
  path: Path;
  label: string;
  hint: ReactNode;
  /** The name the node holds now. */
  value: string;
  /** The workspace's names; `null` without a workspace, `undefined` while loading. */
  names: readonly string[] | null | undefined;
  fallback: readonly string[];
  create: (name: string) => Promise<unknown>;
  words: { create: (name: string) => string };
}) {
  const [creating, setCreating] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const unknown =
    names != null && value.trim() !== '' && !names.some((name) => sameName(name, value));
  const onCreate = () => {
    setCreating(true);
    setFailed(null);
    create(value.trim())
      .catch((error: unknown) => setFailed(workspaceMessage(error)))
      .finally(() => setCreating(false));
  };
  return (
    <>
      <DataField
        form={form}
        path={path}
        label={label}
        suggestions={names ?? fallback}
        hint={hint}
      />
      {unknown && (
        <div className="field__notes">
          <Button onClick={onCreate} disabled={creating}>
            {words.create(value.trim())}
          </Button>
        </div>
      )}
      {failed !== null && (
        <p className="field__error" role="alert">
          {failed}
        </p>
      )}
    </>
  );
}
