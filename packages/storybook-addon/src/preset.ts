/*
 * The Safeguards addon's preset: adds the manager panel and the preview listener. Register it in
 * `.storybook/main.ts`: `addons: ['./packages/storybook-addon/src/preset.ts']`.
 */
import { fileURLToPath } from 'node:url';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

export function managerEntries(entry: string[] = []): string[] {
  return [...entry, here('./manager.tsx')];
}

export function previewAnnotations(entry: string[] = []): string[] {
  return [...entry, here('./preview.ts')];
}
