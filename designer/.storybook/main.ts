import type { StorybookConfig } from '@storybook/react-vite';

// The builder reuses `designer/vite.config.ts`, so stories compile like the app.
const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../src/**/*.stories.tsx'],
  // MSW's service worker, for stories that mock HTTP endpoints; not part of the app's build.
  staticDirs: ['./public'],
  // CI has no internet, and the designer sends nothing anywhere.
  core: { disableTelemetry: true },
};

export default config;
