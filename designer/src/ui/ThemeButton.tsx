import { Monitor, Moon, Sun } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { IconButton } from './Button.tsx';
import { setThemeChoice, useThemeChoice, type ThemeChoice } from './theme.ts';

/** Each theme choice's icon. */
export const themeIcons: Record<ThemeChoice, typeof Sun> = {
  system: Monitor,
  light: Sun,
  dark: Moon,
};

const order: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/**
 * One button that steps through the themes (the system's, light, dark),
 * saying which is on; the choice is remembered in this browser. Lighter
 * than a menu, so the first screen stays small (the editor's menu has the
 * same choices as a radio group).
 */
export function ThemeButton() {
  const { t } = useTranslation();
  const choice = useThemeChoice();
  const Icon = themeIcons[choice];
  const next = order[(order.indexOf(choice) + 1) % order.length]!;
  const current = `${t('shell.theme.label')}: ${t(`shell.theme.${choice}`)}`;
  return (
    <IconButton
      label={current}
      tooltip={current}
      icon={<Icon />}
      onClick={() => setThemeChoice(next)}
    />
  );
}
