import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// A host's ordinary Vite set-up: nothing Deliberate-specific, no source conditions, no aliases.
export default defineConfig({
  plugins: [react()],
  build: { sourcemap: false },
});
