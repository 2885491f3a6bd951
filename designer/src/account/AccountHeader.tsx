import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { HardDrive } from 'lucide-react';
import { LanguageSelect } from '../ui/LanguageSelect.tsx';
import { Tooltip } from '../ui/Tooltip.tsx';
import { useAccountState } from './AccountContext.tsx';
import './account.css';

// Signed in only on a callbot server: a browser-only first screen never loads its menus.
const SignedInHeader = lazy(() =>
  import('./SignedInHeader.tsx').then((m) => ({ default: m.SignedInHeader })),
);

/**
 * The end of the header: the language and the account. Browser-only (no
 * server serves the designer), the language list and a "Browser only"
 * label; signed in, the workspace with the user's role in it (a chooser when
 * there are several), the account menu, and the compact language menu (the
 * room goes to the workspace).
 */
export function AccountHeader() {
  const state = useAccountState();
  if (state.status === 'signedIn') {
    return (
      <Suspense fallback={null}>
        <SignedInHeader />
      </Suspense>
    );
  }
  return (
    <>
      <LanguageSelect />
      <BrowserOnlyLabel />
    </>
  );
}

/** Says, quietly, that nothing here reaches a server; the tooltip says what follows. */
export function BrowserOnlyLabel() {
  const { t } = useTranslation();
  return (
    <Tooltip content={<span className="account-tooltip">{t('account.browserOnlyHint')}</span>}>
      {/* Focusable, so the explanation is reached from the keyboard too. */}
      <span className="account-local" tabIndex={0}>
        <HardDrive aria-hidden="true" size={14} />
        {t('account.browserOnly')}
        <span className="visually-hidden">: {t('account.browserOnlyHint')}</span>
      </span>
    </Tooltip>
  );
}
