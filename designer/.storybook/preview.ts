import type { Preview } from '@storybook/react-vite';
// The app's global styles, so stories look as they do in the designer.
import '@xyflow/react/dist/style.css';
import '../src/styles.css';

const preview: Preview = {
  parameters: { layout: 'fullscreen' },
};

export default preview;
