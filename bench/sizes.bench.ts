import { build } from 'esbuild';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchRow, BenchSuite } from './types.ts';

const root = path.resolve(import.meta.dirname, '..');

/** Size targets from the issues, in KB (1 KB = 1 000 bytes) of minified + gzipped code. */
const targets: Record<string, number> = {
  '@deliberate/core': 20,
  '@deliberate/charts': 15,
};

/**
 * Minified + gzipped size of a module and everything it imports, with the package's peer
 * dependencies left external (the host app has them anyway). Bundled from source, as a
 * consumer's bundler would see the published code.
 */
export async function bundleSize(
  entry: string,
  external: string[],
  platform: 'browser' | 'node' = 'browser',
): Promise<{ bytes: number; gzip: number }> {
  const result = await build({
    entryPoints: [entry],
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
    return rows;
  },
};
