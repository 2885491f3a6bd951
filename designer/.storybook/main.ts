import type { StorybookConfig } from '@storybook/react-vite';

// The builder reuses `designer/vite.config.ts`, so stories compile like the app.
const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../src/**/*.stories.tsx'],
  // CI has no internet, and the designer sends nothing anywhere.
  core: { disableTelemetry: true },
};

export default config;
