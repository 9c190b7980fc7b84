import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * `@deliberate/analytics` (index.ts) is the pure engine: the dashboard runs it in a browser. This
 * walks its import graph and fails on Node built-ins or React.
 */

const srcDir = import.meta.dirname;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gm)].map((match) => match[1]!);
}

function graph(entry: string): { files: string[]; external: string[] } {
  const files = new Set<string>();
  const external = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of importsOf(file)) {
      if (spec.startsWith('.')) visit(path.resolve(path.dirname(file), spec));
      else external.add(spec);
    }
  };
  visit(path.join(srcDir, entry));
  return { files: [...files], external: [...external] };
}

describe('@deliberate/analytics boundaries', () => {
  it('keeps the engine free of Node built-ins and React', () => {
    const { external, files } = graph('index.ts');
    expect(files.length).toBeGreaterThan(5);
    expect(
      external.filter((spec) => spec.startsWith('node:') || /^(react|react-dom)(\/|$)/.test(spec)),
    ).toEqual([]);
    for (const file of files)
      expect(readFileSync(file, 'utf8')).not.toMatch(/\bprocess\.|\bBuffer\b|require\(/);
    // From the charts only their React-free Wilson module: the package's root loads React.
    expect(external.filter((spec) => spec.startsWith('@deliberate/charts'))).toEqual([
      '@deliberate/charts/wilson',
    ]);
  });

  it('keeps the dashboard free of Node built-ins', () => {
    const { external } = graph('dashboard/index.ts');
    expect(external.filter((spec) => spec.startsWith('node:'))).toEqual([]);
    expect(external).toContain('@deliberate/charts');
  });
});
