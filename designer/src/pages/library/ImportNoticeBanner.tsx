import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { portLabel } from '../../i18n/nodeTerms.ts';
import { takeImportNotice, type ImportNotice } from './importNotice.ts';
import './importNotice.css';

/**
 * What an import changed in the flow now open: its new name when the file's
 * was taken, and the connections dropped because they led to nodes missing
 * from the file (their outputs are left unconnected: connect them again).
 */
export function ImportNoticeBanner({ flowId }: { flowId: string }) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<ImportNotice | null>(() => takeImportNotice(flowId));
  if (!notice) return null;
  return (
    <section role="status" className="import-notice" aria-label={t('importNotice.label')}>
      {notice.renamedFrom !== undefined && (
        <p>{t('importNotice.renamed', { name: notice.renamedFrom, newName: notice.name })}</p>
      )}
      {notice.dropped.length > 0 && (
        <>
          <p>{t('importNotice.dropped', { count: notice.dropped.length })}</p>
          <ul>
            {notice.dropped.map((d) => (
              <li key={`${d.nodeId}:${d.port}`}>
                {t('importNotice.droppedItem', {
                  node: d.node,
                  port: portLabel({ id: d.port, label: d.portLabel }, t),
                  target: d.target,
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" onClick={() => setNotice(null)}>
        {t('importNotice.dismiss')}
      </button>
    </section>
  );
}
