import { build, type Metafile } from 'esbuild';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * What a German-only host loads before the reveal (docs/architecture.md §1, "Locales and bundle
 * size"): the five-minute integration bundled from source as a host's bundler would, every
 * dynamic `import()` left as a chunk of its own. `pnpm size` weighs it; this names what is in it.
 */

const react = path.resolve(import.meta.dirname, '..');

async function firstLoad(): Promise<{ inputs: string[]; lazy: string[] }> {
  const lazy: string[] = [];
  const result = await build({
    stdin: {
      contents: "export { DecisionProvider, DecisionScreen } from './index.ts';",
      resolveDir: react,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
    conditions: ['@deliberate/source'],
    external: ['react', 'react-dom'],
    jsx: 'automatic',
    plugins: [
      {
        name: 'record-lazy',
        setup(b) {
          b.onResolve({ filter: /.*/ }, (args) => {
            if (args.kind !== 'dynamic-import') return undefined;
            lazy.push(path.relative(react, path.resolve(args.resolveDir, args.path)));
            return { path: args.path, external: true };
          });
        },
      },
    ],
  });
  const metafile: Metafile = result.metafile;
  // What ends up in the output; `metafile.inputs` also lists modules that tree shaking dropped.
  const inputs = Object.values(metafile.outputs).flatMap((output) =>
    Object.entries(output.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([name]) => name),
  );
  return { inputs, lazy: lazy.sort() };
}

describe('the first load of DecisionProvider + DecisionScreen', () => {
  it('has German, no English, and loads the explanation, the stop dialog and the catalogues on demand', async () => {
    const { inputs, lazy } = await firstLoad();
    const messages = inputs.filter((input) => input.includes('react/src/messages/'));
    expect(messages.some((input) => input.endsWith('messages/de/decision.ts'))).toBe(true);
    expect(messages.filter((input) => /messages\/en\//.test(input))).toEqual([]);
    // The explanation family, markdown and the charts come with the lazily loaded panel. Of the
    // charts package only its `{name}` template filler (one home for the placeholder syntax) loads.
    expect(messages.filter((input) => input.endsWith('explanation.ts'))).toEqual([]);
    expect(
      inputs.filter(
        (input) =>
          /markdown-to-jsx|packages\/charts\//.test(input) &&
          !input.endsWith('charts/src/shared/messages.ts'),
      ),
    ).toEqual([]);
    expect(lazy).toEqual([
      'explanation/explanation-panel.tsx',
      'messages/de/index.ts',
      'messages/en/index.ts',
      'oversight/stop-ai-dialog-content.tsx',
    ]);
    // Radix's alert dialog (focus trap, scroll lock, dismissable layer) comes with the stop dialog.
    expect(
      inputs.filter((input) => /react-alert-dialog|react-remove-scroll|react-focus-scope/.test(input)),
    ).toEqual([]);
  }, 30_000);
});
