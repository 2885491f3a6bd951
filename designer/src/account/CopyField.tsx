import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Copy } from 'lucide-react';
import { Button } from '../ui/Button.tsx';
import { TextField } from '../ui/Field.tsx';

/** A secret or a link to hand on: shown read-only, selected on focus, with a Copy button. */
export function CopyField({
  label,
  value,
  copyLabel,
  hint,
}: {
  label: string;
  value: string;
  copyLabel: string;
  hint?: string;
}) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const hintId = useId();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="account-copy">
      <TextField
        label={label}
        {...(hint !== undefined && { 'aria-describedby': hintId })}
        value={value}
        readOnly
        className="account-copy__value"
        onFocus={(e) => e.currentTarget.select()}
      />
      <Button icon={<Copy />} onClick={() => void copy()}>
        {copyLabel}
      </Button>
      {/* Under the row, so the button lines up with the field. */}
      {hint !== undefined && (
        <p id={hintId} className="ui-field__hint account-copy__hint">
          {hint}
        </p>
      )}
      <p role="status" className="account-copy__status">
        {copied === 'copied'
          ? t('account.members.copied')
          : copied === 'failed'
            ? t('account.members.copyFailed')
            : ''}
      </p>
    </div>
  );
}
