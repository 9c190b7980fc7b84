import type { StorybookConfig } from '@storybook/react-vite';
import { SOURCE_CONDITION } from '../workspace.vite.ts';
import { defaultClientConditions } from 'vite';
import { fileURLToPath } from 'node:url';

const config: StorybookConfig = {
  framework: { name: '@storybook/react-vite', options: {} },
  stories: [
    '../docs/**/*.mdx',
    '../stories/**/*.stories.@(ts|tsx)',
    '../examples/*/stories/**/*.stories.@(ts|tsx)',
  ],
  addons: [
    '@storybook/addon-docs',
    '@storybook/addon-a11y',
    '@storybook/addon-vitest',
    // The "Safeguards" panel for UX reviewers (packages/storybook-addon).
    fileURLToPath(new URL('../packages/storybook-addon/src/preset.ts', import.meta.url)),
  ],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  typescript: { reactDocgen: 'react-docgen-typescript' },
  async viteFinal(viteConfig) {
    // radix-ui ships "use client" directives; Rollup warns about each of them in builds.
    const onwarn = viteConfig.build?.rollupOptions?.onwarn;
    viteConfig.build = {
      ...viteConfig.build,
      chunkSizeWarningLimit: 2000,
      rollupOptions: {
        ...viteConfig.build?.rollupOptions,
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use client')) return;
          if (onwarn) onwarn(warning, warn);
          else warn(warning);
        },
      },
    };
    viteConfig.resolve = {
      ...viteConfig.resolve,
      conditions: [SOURCE_CONDITION, ...defaultClientConditions],
    };
    return viteConfig;
  },
};

export default config;
