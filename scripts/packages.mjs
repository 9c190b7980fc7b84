import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The publishable workspace packages, in dependency order (dependencies first). */
export function publishablePackages() {
  const dir = path.join(root, 'packages');
  const all = readdirSync(dir)
    .map((name) => path.join(dir, name))
    .filter((pkgDir) => existsSync(path.join(pkgDir, 'package.json')))
    .map((pkgDir) => ({
      dir: pkgDir,
      manifest: JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')),
    }))
    .filter((pkg) => !pkg.manifest.private);
  const byName = new Map(all.map((pkg) => [pkg.manifest.name, pkg]));
  const ordered = [];
  const seen = new Set();
  const visit = (pkg) => {
    if (seen.has(pkg.manifest.name)) return;
    seen.add(pkg.manifest.name);
    const deps = { ...pkg.manifest.dependencies, ...pkg.manifest.peerDependencies };
    for (const dep of Object.keys(deps)) {
      const inner = byName.get(dep);
      if (inner) visit(inner);
    }
    ordered.push(pkg);
  };
  all.sort((a, b) => a.manifest.name.localeCompare(b.manifest.name)).forEach(visit);
  return ordered;
}
