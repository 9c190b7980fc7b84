import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSnippets, extractSnippets, findReadmes } from './check-readme-snippets.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The 1-based line of the first line of `markdown` that contains `text`. */
function lineOf(markdown: string, text: string): number {
  const index = markdown.split('\n').findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`not in the markdown: ${text}`);
  return index + 1;
}

describe('extractSnippets', () => {
  it('takes ts and tsx blocks with the line of their fence and leaves other languages alone', () => {
    const markdown = [
      '# Demo',
      '',
      '```sh',
      'pnpm add @deliberate/core',
      '```',
      '',
      '```ts',
      'const a: number = 1;',
      '```',
      '',
      '~~~tsx',
      'const b = <p>b</p>;',
      '~~~',
      '',
      '- a list item:',
      '',
      '  ```typescript',
      '  const c = 3;',
      '  ```',
    ].join('\n');
    const { snippets, problems } = extractSnippets(markdown, 'demo/README.md');
    expect(problems).toEqual([]);
    expect(snippets.map(({ line, extension, code }) => ({ line, extension, code }))).toEqual([
      { line: 7, extension: 'ts', code: 'const a: number = 1;' },
      { line: 11, extension: 'tsx', code: 'const b = <p>b</p>;' },
      { line: 17, extension: 'ts', code: 'const c = 3;' },
    ]);
  });

  it('keeps a longer fence open across a shorter one inside it', () => {
    const markdown = [
      '````ts',
      'const a = 1;',
      '```',
      'const b = 2;',
      '````',
      '```ts',
      'const c = 3;',
      '```',
    ].join('\n');
    const { snippets } = extractSnippets(markdown, 'README.md');
    expect(snippets.map((snippet) => snippet.code)).toEqual([
      'const a = 1;\n```\nconst b = 2;',
      'const c = 3;',
    ]);
  });

  it('reads the skip and prelude markers directly above a block', () => {
    const markdown = [
      '<!-- snippet: skip -->',
      '',
      '```ts',
      'partial(',
      '```',
      '<!-- snippet: prelude',
      'declare const user: { id: string };',
      '-->',
      '```ts',
      'user.id;',
      '```',
    ].join('\n');
    const { snippets, problems } = extractSnippets(markdown, 'README.md');
    expect(problems).toEqual([]);
    expect(snippets[0]).toMatchObject({ line: 3, skip: true, prelude: '' });
    expect(snippets[1]).toMatchObject({
      line: 9,
      skip: false,
      prelude: 'declare const user: { id: string };\n',
      preludeLine: 7,
    });
  });

  it('reports a marker that is not directly above a checked block, and an unknown marker', () => {
    const markdown = [
      '<!-- snippet: skip -->',
      'Some prose in between.',
      '```ts',
      'const a = 1;',
      '```',
      '<!-- snippet: skip -->',
      '```sh',
      'ls',
      '```',
      '<!-- snippet: ignore -->',
      '<!-- snippet: prelude declare const b: string; -->',
      '```ts',
      'b;',
      '```',
      '<!-- snippet: prelude',
      'declare const a: string;',
      '-->',
    ].join('\n');
    const { snippets, problems } = extractSnippets(markdown, 'README.md');
    expect(snippets).toHaveLength(2);
    expect(snippets[0]!.skip).toBe(false);
    expect(problems.map(({ line, message }) => ({ line, message }))).toEqual([
      { line: 1, message: '"snippet: skip" is not directly above a code block' },
      { line: 6, message: '"snippet: skip" is above a "sh" block, which is not checked' },
      { line: 10, message: 'unknown marker "snippet: ignore" (use "skip" or "prelude")' },
      { line: 11, message: 'a prelude starts on the line after "<!-- snippet: prelude"' },
      { line: 15, message: '"snippet: prelude" is not directly above a code block' },
    ]);
  });
});

describe('findReadmes', () => {
  it('finds the root README and those of packages and examples, so a new one is checked at once', () => {
    const readmes = findReadmes(root);
    expect(readmes[0]).toBe('README.md');
    expect(readmes).toContain('packages/log/README.md');
    expect(readmes).toContain('examples/housing-benefit/README.md');
    expect(
      readmes.every((readme) => /^(README\.md|(packages|examples)\/[^/]+\/README\.md)$/.test(readme)),
    ).toBe(true);
  });
});

describe('checkSnippets', () => {
  const outDir = path.join(root, 'node_modules', '.cache', `readme-snippets-test-${process.pid}`);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  const markdown = `# A README with mistakes

<!-- snippet: prelude
import type { DecisionInit } from '@deliberate/core';
declare const init: DecisionInit;
-->

\`\`\`ts
import { createDecisionStore } from '@deliberate/core';

const store = createDecisionStore(init);
store.subscribe((state) => console.log(state.newEvents));
\`\`\`

<!-- snippet: prelude
import type { DecisionInit } from '@deliberate/core';
declare const init: DecisionInit;
-->

\`\`\`ts
import { createDecisionStore } from '@deliberate/core';

const store = createDecisionStore(init, { onEvents: (events) => console.log(events.length) });
console.log(store.getState().decision.status);
\`\`\`

<!-- snippet: prelude
declare const count: Numbr;
const ready = true;
declare const anything: any;
declare module '@deliberate/core' {
  export const newEvents: unknown[];
}
-->

\`\`\`ts
// @ts-ignore
console.log(count, ready, anything);
\`\`\`

\`\`\`tsx
import '@deliberate/charts/charts.css';
import '@deliberate/charts/missing.css';
\`\`\`

<!-- snippet: skip -->

\`\`\`ts
this is not TypeScript
\`\`\`
`;

  it('reports each error at its README line, checks preludes and stylesheets, and skips marked blocks', () => {
    const { snippets } = extractSnippets(markdown, 'demo/README.md');
    expect(snippets).toHaveLength(5);
    const problems = checkSnippets(snippets, outDir);
    const found = problems.map(({ readme, line, message }) => ({ readme, line, message }));

    expect(found).toContainEqual({
      readme: 'demo/README.md',
      line: lineOf(markdown, 'state.newEvents'),
      message: expect.stringMatching(
        /^error TS\d+: Property 'newEvents' does not exist on type 'DecisionStoreState'/,
      ),
    });
    // A type error in the prelude is reported at the prelude's line.
    expect(found).toContainEqual({
      readme: 'demo/README.md',
      line: lineOf(markdown, 'Numbr'),
      message: expect.stringMatching(/^error TS\d+: Cannot find name 'Numbr'/),
    });
    expect(found).toContainEqual({
      readme: 'demo/README.md',
      line: lineOf(markdown, 'const ready = true'),
      message: 'a prelude holds only imports, `declare` statements, types and interfaces',
    });
    expect(found).toContainEqual({
      readme: 'demo/README.md',
      line: lineOf(markdown, 'anything: any'),
      message: 'a prelude may not declare `any`',
    });
    expect(found).toContainEqual({
      readme: 'demo/README.md',
      line: lineOf(markdown, "declare module '@deliberate/core'"),
      message: 'a prelude may not declare or augment modules (`declare module`, `declare global`)',
    });
    expect(found).toContainEqual({
      readme: 'demo/README.md',
      line: lineOf(markdown, '@ts-ignore'),
      message: expect.stringContaining('`@ts-ignore` would hide errors'),
    });
    expect(found).toContainEqual({
      readme: 'demo/README.md',
      line: lineOf(markdown, 'missing.css'),
      message: 'cannot resolve stylesheet: @deliberate/charts exports no "./missing.css"',
    });
    // The correct snippet, the existing stylesheet and the skipped block add nothing else.
    expect(found).toHaveLength(7);
  }, 120_000);
});
