import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { storybookProject } from './.storybook/vitest-project.ts';
import { workspaceResolve } from './workspace.vite.ts';

/*
 * Three projects, one command:
 * - unit: framework-free code in Node (core, log, analytics, collector, scripts);
 * - component: React components in jsdom with Testing Library;
 * - storybook: every story rendered in Debian's chromium, its play function run and axe checked.
 */
export default defineConfig({
  test: {
    projects: [
      {
        ...workspaceResolve,
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'packages/*/src/**/*.test.ts',
            'packages/*/test/**/*.test.ts',
            'scripts/**/*.test.ts',
            'examples/*/model/**/*.test.ts',
            'examples/*/test/**/*.test.ts',
          ],
        },
      },
      {
        ...workspaceResolve,
        plugins: [react()],
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['packages/*/src/**/*.test.tsx', 'examples/*/src/**/*.test.tsx'],
          setupFiles: ['./vitest.setup.ts'],
          // Whole flows typed key by key in jsdom (a judge-first decision, 500 chart rows) take 1–3 s
          // alone and more while the browser project shares the two cores. A timeout is not a
          // speed check here — `pnpm bench` measures speed; this only keeps a loaded CI from flaking.
          testTimeout: 20_000,
        },
      },
      storybookProject(),
    ],
  },
});
