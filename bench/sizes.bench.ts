import { build, type Plugin } from 'esbuild';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchRow, BenchSuite } from './types.ts';

const root = path.resolve(import.meta.dirname, '..');

/**
 * Size targets from the issues, in KB (1 KB = 1 000 bytes) of minified + gzipped code, in step
 * with the budgets of `.size-limit.js` (which `pnpm size` checks on the built packages).
 */
const targets: Record<string, number> = {
  '@deliberate/core': 24,
  '@deliberate/charts': 16,
};

/** The budget for the five-minute integration with one locale, before the reveal. */
const FIRST_LOAD_TARGET = 60;

/** Leaves every dynamic `import()` out: what loads first, as `.size-limit.js` counts it. */
const staticImportsOnly: Plugin = {
  name: 'static-imports-only',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
    );
  },
};

/**
 * Minified + gzipped size of a module and everything it imports, with the package's peer
 * dependencies left external (the host app has them anyway). Bundled from source, as a
 * consumer's bundler would see the published code. With `firstLoad`, modules reached only
 * through a dynamic `import()` (loaded later, as their own chunks) are not counted.
 */
export async function bundleSize(
  entry: string,
  external: string[],
  platform: 'browser' | 'node' = 'browser',
  { firstLoad = false }: { firstLoad?: boolean } = {},
): Promise<{ bytes: number; gzip: number }> {
  const result = await build({
    entryPoints: [entry],
    plugins: firstLoad ? [staticImportsOnly] : [],
    bundle: true,
    minify: true,
    format: 'esm',
    platform,
    target: 'es2022',
    write: false,
    outdir: path.join(root, '.bench', 'bundles'),
    conditions: ['@deliberate/source'],
    external,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    jsx: 'automatic',
  });
  const code = result.outputFiles.find((file) => file.path.endsWith('.js'));
  if (!code) throw new Error(`no output for ${entry}`);
  return { bytes: code.contents.byteLength, gzip: gzipSync(code.contents, { level: 9 }).byteLength };
}

/** Packages that run only in Node. */
const nodePackages = new Set(['@deliberate/collector']);

export const sizes: BenchSuite = {
  name: 'bundle size',
  async run() {
    const rows: BenchRow[] = [];
    const dir = path.join(root, 'packages');
    for (const name of readdirSync(dir).sort()) {
      const manifestPath = path.join(dir, name, 'package.json');
      if (!existsSync(manifestPath)) continue;
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
      if (manifest.private) continue;
      const external = Object.keys(manifest.peerDependencies ?? {}).flatMap((dep) => [dep, `${dep}/*`]);
      for (const [subpath, conditions] of Object.entries<Record<string, string> | string>(
        manifest.exports ?? {},
      )) {
        const entry = typeof conditions === 'object' ? conditions['@deliberate/source'] : undefined;
        if (!entry || !/\.tsx?$/.test(entry)) continue;
        // Node code (the collector; `./node` subpaths for file and gzip streaming) is measured as a
        // Node bundle, with its native and third-party dependencies left to npm.
        const isNode = nodePackages.has(manifest.name) || subpath === './node';
        const platform = isNode ? 'node' : 'browser';
        const thirdParty = isNode
          ? Object.keys(manifest.dependencies ?? {}).filter((dep) => !dep.startsWith('@deliberate/'))
          : [];
        const { bytes, gzip } = await bundleSize(
          path.join(dir, name, entry),
          [...external, ...thirdParty],
          platform,
          { firstLoad: true },
        );
        const kb = gzip / 1000;
        const label = subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`;
        const target = subpath === '.' ? targets[manifest.name] : undefined;
        rows.push({
          suite: 'bundle size',
          name: `${label} (min+gz)`,
          value: Number(kb.toFixed(2)),
          unit: 'KB',
          note: `${(bytes / 1000).toFixed(1)} KB minified; external: ${external.filter((e) => !e.endsWith('/*')).join(', ') || 'none'}`,
          ...(target === undefined ? {} : { target: `≤ ${target} KB`, pass: kb <= target }),
        });
      }
    }
    // A German-only host: DecisionProvider + DecisionScreen, before the reveal (the explanation
    // panel and other locales are loaded on demand).
    const host = ['react', 'react/*', 'react-dom', 'react-dom/*'];
    const { bytes, gzip } = await bundleSize(
      path.join(root, 'bench/pages/decision-screen-entry.ts'),
      host,
      'browser',
      { firstLoad: true },
    );
    const kb = gzip / 1000;
    rows.push({
      suite: 'bundle size',
      name: 'DecisionScreen, German only, first load (min+gz)',
      value: Number(kb.toFixed(2)),
      unit: 'KB',
      note: `${(bytes / 1000).toFixed(1)} KB minified; external: react, react-dom; without what loads on demand`,
      target: `≤ ${FIRST_LOAD_TARGET} KB`,
      pass: kb <= FIRST_LOAD_TARGET,
    });
    return rows;
  },
};
