import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useReadOnlyRole } from './AccountContext.tsx';
import './readOnly.css';

/**
 * What a workspace page offers a trainer or a viewer, the same on every page: the server refuses
 * them every change to the workspace's records (teams, schedules, lines, customers, prices,
 * settings, the workspace file), so the page says it is read-only, its fields are shown disabled
 * (`ReadOnlyFields`) and its add, delete, save and import actions are not offered (`EditOnly`).
 * An editor, an owner and the browser-only designer see the page unchanged.
 */
export function EditOnly({ children }: { children: ReactNode }) {
  return useReadOnlyRole() === null ? children : null;
}

/**
 * A page's fields: for a trainer or a viewer, under the note "Read only — you are a trainer"
 * and inside a disabled fieldset (which disables every field in it, as the platform does, and
 * takes no room in the layout).
 */
export function ReadOnlyFields({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const role = useReadOnlyRole();
  if (role === null) return children;
  return (
    <>
      <p className="read-only-note" role="note">
        {t(`wsflows.readOnlyAs.${role}`)}
      </p>
      <fieldset disabled className="read-only-fields">
        {children}
      </fieldset>
    </>
  );
}
