import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import type { TestProjectInlineConfiguration } from 'vitest/config';
import { workspaceResolve } from '../workspace.vite.ts';
import { chromiumArgs, chromiumPath } from './chromium.ts';

const dirname = path.dirname(fileURLToPath(import.meta.url));

/**
 * Every story as a test in a real browser: it renders, its `play` function passes, and axe
 * reports no violation (`a11y.test: 'error'` in preview.ts).
 */
export function storybookProject(): TestProjectInlineConfiguration {
  return {
    ...workspaceResolve,
    plugins: [storybookTest({ configDir: dirname, storybookScript: 'pnpm storybook --no-open' })],
    test: {
      name: 'storybook',
      testTimeout: 30_000,
      browser: {
        enabled: true,
        headless: true,
        provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
        instances: [{ browser: 'chromium' }],
      },
    },
  };
}
