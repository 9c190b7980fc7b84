#!/usr/bin/env node
/**
 * Builds every publishable package to ESM + .d.ts with `tsc -b` (project references), copies
 * stylesheets, and then proves that Node loads each built package as is (no bundler, no source
 * condition): a package that only works inside the workspace fails here.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { publishablePackages, root } from './packages.mjs';

const packages = publishablePackages();
for (const pkg of packages) rmSync(path.join(pkg.dir, 'dist'), { recursive: true, force: true });

const projects = packages.map((pkg) => path.join(pkg.dir, 'tsconfig.build.json')).filter(existsSync);
const tsc = spawnSync('pnpm', ['exec', 'tsc', '-b', '--force', ...projects], { cwd: root, stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

function copyAssets(from, to) {
  for (const entry of readdirSync(from)) {
    const source = path.join(from, entry);
    if (statSync(source).isDirectory()) copyAssets(source, path.join(to, entry));
    else if (entry.endsWith('.css')) cpSync(source, path.join(to, entry));
  }
}

let failed = 0;
for (const pkg of packages) {
  copyAssets(path.join(pkg.dir, 'src'), path.join(pkg.dir, 'dist'));
  for (const [specifier, target] of Object.entries(pkg.manifest.exports ?? {})) {
    // Only JavaScript entry points are imported; stylesheets, SQL and JSON are checked by publint.
    const file = typeof target === 'string' ? target : target?.default;
    if (typeof file !== 'string' || !file.endsWith('.js')) continue;
    const name = specifier === '.' ? pkg.manifest.name : `${pkg.manifest.name}/${specifier.slice(2)}`;
    const check = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const m = await import(${JSON.stringify(name)}); if (Object.keys(m).length === 0) { console.error('no exports'); process.exit(1); }`,
      ],
      { cwd: pkg.dir, encoding: 'utf8' },
    );
    if (check.status === 0) console.log(`build: node loads ${name}`);
    else {
      failed++;
      console.error(`build: node cannot load ${name}\n${check.stderr}`);
    }
  }
}
process.exit(failed > 0 ? 1 : 0);
