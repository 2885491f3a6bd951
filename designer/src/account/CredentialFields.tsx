import { PASSWORD_MIN } from '@callbot/shared';
import type { ChangeEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../ui/Field.tsx';

interface Controlled {
  value: string;
  onChange: ChangeEventHandler<HTMLInputElement>;
}

/** The e-mail an account signs in with (the browser's password manager reads it as the user name). */
export function EmailField(props: Controlled) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('account.email')}
      type="email"
      autoComplete="username"
      required
      {...props}
    />
  );
}

/**
 * A password: `current` signs in; `new` makes an account, with the shared
 * minimum length said and enforced.
 */
export function PasswordField({ kind, ...props }: Controlled & { kind: 'current' | 'new' }) {
  const { t } = useTranslation();
  return kind === 'current' ? (
    <TextField
      label={t('account.password')}
      type="password"
      autoComplete="current-password"
      required
      {...props}
    />
  ) : (
    <TextField
      label={t('account.newPassword')}
      hint={t('account.passwordHint', { min: PASSWORD_MIN })}
      type="password"
      autoComplete="new-password"
      required
      minLength={PASSWORD_MIN}
      {...props}
    />
  );
}
