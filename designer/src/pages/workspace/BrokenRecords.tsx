import type { BrokenRecord } from '../../persistence/index.ts';
import { brokenRecordMessage } from '../../app/workspaceMessages.ts';

/** Stored records that do not read: said with which field and why, the page working on. */
export function BrokenRecords({ records }: { records: readonly BrokenRecord[] }) {
  if (records.length === 0) return null;
  return (
    <ul className="workspace-page__problem" role="alert">
      {records.map((record) => (
        <li key={`${record.table}:${record.key}`}>{brokenRecordMessage(record)}</li>
      ))}
    </ul>
  );
}
