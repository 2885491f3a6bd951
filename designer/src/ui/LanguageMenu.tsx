import { Languages } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { IconButton } from './Button.tsx';
import { Menu, MenuRadioGroup } from './Menu.tsx';
import { currentLanguage, languages, setLanguage, type Language } from '../i18n/index.ts';
import { languageNames } from './LanguageSelect.tsx';

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
