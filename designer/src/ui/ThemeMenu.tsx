import { useTranslation } from 'react-i18next';
import { IconButton } from './Button.tsx';
import { Menu, MenuRadioGroup } from './Menu.tsx';
import { setThemeChoice, useThemeChoice } from './theme.ts';

import { themeIcons as icons } from './ThemeButton.tsx';

/** The theme choices as a menu's radio group (light, dark, or the system's). */
export function ThemeChoices() {
  const { t } = useTranslation();
  const choice = useThemeChoice();
  return (
    <MenuRadioGroup
      label={t('shell.theme.label')}
      value={choice}
      onChange={setThemeChoice}
      options={(['system', 'light', 'dark'] as const).map((value) => {
        const Icon = icons[value];
        return { value, label: t(`shell.theme.${value}`), icon: <Icon /> };
      })}
    />
  );
}

/** A button that opens the theme choices as a menu; the choice is remembered in this browser. */
export function ThemeMenu() {
  const { t } = useTranslation();
  const choice = useThemeChoice();
  const Icon = icons[choice];
  return (
    <Menu trigger={<IconButton label={t('shell.theme.label')} icon={<Icon />} />}>
      <ThemeChoices />
    </Menu>
  );
}
