import { PhoneCall } from 'lucide-react';
import type { ReactNode } from 'react';
import { LanguageSelect } from '../ui/LanguageSelect.tsx';
import { ThemeButton } from '../ui/ThemeButton.tsx';
import './account.css';

/**
 * The frame of the screens before the app (setup, sign-in, an invitation, no
 * workspace): the brand, one card with its title, and the language and
 * theme, so a user can read the page before signing in.
 */
export function AccountScreen({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="account-screen">
      <header className="account-screen__header">
        <span className="topnav__brand" aria-hidden="true">
          <span className="topnav__logo">
            <PhoneCall size={14} />
          </span>
          Callbot
        </span>
        <span className="account-screen__tools">
          <ThemeButton />
          <LanguageSelect />
        </span>
      </header>
      <main className="account-screen__main">
        <section className="account-card" aria-labelledby="account-card-title">
          <h1 id="account-card-title">{title}</h1>
          {children}
        </section>
      </main>
    </div>
  );
}

/** A form's refusal, read out when it appears. */
export function FormProblem({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <p role="alert" className="account-problem">
      {children}
    </p>
  );
}
