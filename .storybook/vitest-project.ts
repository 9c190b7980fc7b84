import type { TestProjectInlineConfiguration } from 'vitest/config';

/** Placeholder until Storybook's vitest project is wired (see .storybook/main.ts). */
export function storybookProject(): TestProjectInlineConfiguration {
  return { test: { name: 'storybook', include: [] } };
}
