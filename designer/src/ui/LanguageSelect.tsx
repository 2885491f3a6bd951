import { useTranslation } from 'react-i18next';
import { currentLanguage, languages, setLanguage, type Language } from '../i18n/index.ts';

/** Each language by its own name, so a user finds theirs whatever the UI speaks now. */
export const languageNames: Record<Language, string> = {
  en: 'English',
  'pt-BR': 'Português (Brasil)',
  es: 'Español',
};

/**
 * Picks the UI language; the choice is remembered in this browser. Its
 * accessible name is "Language" in every language, so the way back to a
 * language one reads never has to be read in another.
 */
export function LanguageSelect() {
  const { t } = useTranslation();
  return (
    <select
      aria-label="Language"
      title={t('language.hint')}
      value={currentLanguage()}
      onChange={(event) => void setLanguage(event.target.value as Language)}
    >
      {languages.map((language) => (
        <option key={language} value={language} lang={language}>
          {languageNames[language]}
        </option>
      ))}
    </select>
  );
}
