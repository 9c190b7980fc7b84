import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import type { TestProjectInlineConfiguration } from 'vitest/config';
import { workspaceResolve } from '../workspace.vite.ts';

const dirname = path.dirname(fileURLToPath(import.meta.url));

/** Where Chromium lives: Debian's package by default (browser downloads fail on our machines). */
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Flags that keep headless Chromium quiet on a machine with no network but loopback. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

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
