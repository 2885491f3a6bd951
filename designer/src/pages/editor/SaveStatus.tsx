import { useTranslation } from 'react-i18next';
import type { AutosaveState } from '../../persistence/index.ts';
import { errorMessage } from '../../ui/errorMessage.ts';

/** Whether the last edit is safely stored; a storage error is shown, never swallowed. */
export function SaveStatus({ state }: { state: AutosaveState }) {
  const { t } = useTranslation();
  return (
    <span className={`save-status save-status--${state.status}`} role="status">
      {t(`save.${state.status}`)}
      {state.status === 'error' && state.error && (
        <span className="save-status__why">
          {' '}
          {t('save.errorWhy', { why: errorMessage(state.error, '') })}
        </span>
      )}
      {state.status === 'conflict' && (
        <span className="save-status__why"> {t('save.conflictWhy')}</span>
      )}
    </span>
  );
}
