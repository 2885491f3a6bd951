import type { Preview } from '@storybook/react-vite';
// The app's global styles, so stories look as they do in the designer.
import '@xyflow/react/dist/style.css';
import '../src/styles.css';
import { i18n, languages } from '../src/i18n/index.ts';

const preview: Preview = {
  parameters: { layout: 'fullscreen' },
  // Stories speak English unless the toolbar picks another language, whatever
  // the browser asks for: the play functions find controls by their English names.
  globalTypes: {
    locale: {
      description: 'Language of the designer',
      toolbar: { icon: 'globe', items: [...languages], dynamicTitle: true },
    },
  },
  initialGlobals: { locale: 'en' },
  beforeEach: async ({ globals }) => {
    await i18n.changeLanguage(typeof globals.locale === 'string' ? globals.locale : 'en');
  },
};

export default preview;
