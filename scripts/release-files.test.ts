import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * What every published package ships besides its code: the licence it declares, in full, and a
 * changelog with an entry for its version (README.md, "Releases" and "Licence").
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Manifest {
  name: string;
  version: string;
  license?: string;
  private?: boolean;
  files?: string[];
}

const packages = readdirSync(path.join(root, 'packages'))
  .map((name) => path.join(root, 'packages', name))
  .filter((dir) => existsSync(path.join(dir, 'package.json')))
  .map((dir) => ({
    dir,
    manifest: JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest,
  }));
const published = packages.filter((pkg) => pkg.manifest.private !== true);

/**
 * SHA-256 of the English EUPL v. 1.2 as the European Commission distributes it in plain text
 * ("EUPL-1.2 EN.txt"), with its byte-order mark removed and CRLF line ends turned into LF. A
 * change to any word of the licence changes this.
 */
const EUPL_1_2_SHA256 = '6fc9e709ccbfe0d77fbffa2427a983282be2eb88e47b1cdb49f21a83b4d1e665';

describe('release files', () => {
  const licence = readFileSync(path.join(root, 'LICENSE'), 'utf8');

  it('has the complete, unmodified EUPL v. 1.2 at the repository root, appendix included', () => {
    expect(licence.trimStart().startsWith('EUROPEAN UNION PUBLIC LICENCE v. 1.2')).toBe(true);
    expect(licence).toContain('15. Applicable Law');
    expect(licence).toContain('‘Compatible Licences’ according to Article 5 EUPL are:');
    expect(licence.trimEnd().endsWith('require the production of a new\nEUPL version.')).toBe(true);
    expect(createHash('sha256').update(licence).digest('hex')).toBe(EUPL_1_2_SHA256);
  });

  it('publishes the six packages and keeps the Storybook addon private', () => {
    expect(published.map((pkg) => pkg.manifest.name).sort()).toEqual([
      '@deliberate/analytics',
      '@deliberate/charts',
      '@deliberate/collector',
      '@deliberate/core',
      '@deliberate/log',
      '@deliberate/react',
    ]);
  });

  for (const { dir, manifest } of published) {
    describe(manifest.name, () => {
      it('declares EUPL-1.2 and ships the same LICENSE as the repository', () => {
        expect(manifest.license).toBe('EUPL-1.2');
        // pnpm and npm pack a LICENSE file in the package directory whatever `files` says.
        expect(readFileSync(path.join(dir, 'LICENSE'), 'utf8')).toBe(licence);
      });

      it('ships a CHANGELOG.md with an entry for its current version', () => {
        expect(manifest.files).toContain('CHANGELOG.md');
        const changelog = readFileSync(path.join(dir, 'CHANGELOG.md'), 'utf8');
        expect(changelog.startsWith(`# ${manifest.name}\n`)).toBe(true);
        expect(changelog).toContain(`\n## ${manifest.version}\n`);
      });
    });
  }

  it('releases the published packages together: one fixed group in the changesets config', () => {
    const config = JSON.parse(readFileSync(path.join(root, '.changeset', 'config.json'), 'utf8')) as {
      fixed: string[][];
      access: string;
    };
    expect(config.fixed).toHaveLength(1);
    expect([...config.fixed[0]!].sort()).toEqual(published.map((pkg) => pkg.manifest.name).sort());
    expect(config.access).toBe('public');
    // One version for all of them, so the fixed group has nothing to reconcile.
    expect(new Set(published.map((pkg) => pkg.manifest.version)).size).toBe(1);
  });
});
