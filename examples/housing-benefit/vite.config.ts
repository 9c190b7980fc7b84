import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

/*
 * A standalone Vite app. Inside the workspace, the `@deliberate/source` condition makes the
 * `@deliberate/*` packages resolve to their TypeScript source, so nothing needs building first;
 * an integrator outside the workspace drops the condition and gets the published `dist/`.
 */
export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['@deliberate/source', ...defaultClientConditions] },
  build: { chunkSizeWarningLimit: 2000 },
});
