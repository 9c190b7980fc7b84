import { defaultClientConditions, defaultServerConditions, type UserConfig } from 'vite';

/**
 * Inside the workspace, `@deliberate/*` packages resolve to their TypeScript source through the
 * `@deliberate/source` export condition, so tests, Storybook and examples need no build step.
 * Published packages (and Node) ignore the condition and load `dist/`.
 */
export const SOURCE_CONDITION = '@deliberate/source';

export const workspaceResolve: Pick<UserConfig, 'resolve' | 'ssr'> = {
  resolve: { conditions: [SOURCE_CONDITION, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [SOURCE_CONDITION, ...defaultServerConditions] } },
};
