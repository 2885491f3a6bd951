import { Languages } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { IconButton } from '../ui/Button.tsx';
import { Menu, MenuRadioGroup } from '../ui/Menu.tsx';
import { currentLanguage, languages, setLanguage, type Language } from './index.ts';

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

/**
 * The language as a compact header button (the editor's, where room is
 * short): named "Language" in every language, opening the three choices,
 * each in its own name.
 */
export function LanguageMenu() {
  const { t } = useTranslation();
  return (
    <Menu
      label="Language"
      trigger={<IconButton label="Language" tooltip={t('language.hint')} icon={<Languages />} />}
    >
      <MenuRadioGroup
        label="Language"
        value={currentLanguage()}
        onChange={(language: Language) => void setLanguage(language)}
        options={languages.map((language) => ({
          value: language,
          label: languageNames[language],
        }))}
      />
    </Menu>
  );
}
