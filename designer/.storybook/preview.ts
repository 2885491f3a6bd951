import type { Preview } from '@storybook/react-vite';
// The app's global styles, so stories look as they do in the designer.
import '@fontsource-variable/inter';
import '@xyflow/react/dist/style.css';
import '../src/styles.css';
import { i18n, languages, loadLanguage } from '../src/i18n/index.ts';
import '../src/nodes/words.ts';
import { createElement } from 'react';
import { WithNodeUIs } from '../src/nodes/WithNodeUIs.tsx';
import { applyTheme } from '../src/ui/theme.ts';

const preview: Preview = {
  parameters: { layout: 'fullscreen' },
  // Stories speak English unless the toolbar picks another language, whatever
  // the browser asks for: the play functions find controls by their English names.
  // They are light unless the toolbar picks dark (the designer's two themes).
  globalTypes: {
    locale: {
      description: 'Language of the designer',
      toolbar: { icon: 'globe', items: [...languages], dynamicTitle: true },
    },
    theme: {
      description: 'Theme of the designer',
      toolbar: { icon: 'contrast', items: ['light', 'dark'], dynamicTitle: true },
    },
  },
  initialGlobals: { locale: 'en', theme: 'light' },
  // The canvas and inspector read the node kinds from context, as in the editor page.
  decorators: [(Story) => createElement(WithNodeUIs, null, createElement(Story))],
  beforeEach: async ({ globals }) => {
    applyTheme(globals.theme === 'dark' ? 'dark' : 'light');
    const language = typeof globals.locale === 'string' ? globals.locale : 'en';
    await loadLanguage(language);
    await i18n.changeLanguage(language);
  },
};

export default preview;
