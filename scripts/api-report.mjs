#!/usr/bin/env node
/**
 * The public API of every published package, as API Extractor reports checked in under each
 * package's `api/` folder: one report per JavaScript entry point of its `exports` (`.` →
 * `<name>.api.md`, `./events` → `<name>-events.api.md`). Entries whose `.d.ts` says `@internal`
 * for the whole module (`@deliberate/core/internal`) get no report: they are not public.
 *
 *   node scripts/api-report.mjs            check: fails when an API changed and its report did not
 *   node scripts/api-report.mjs --update   rewrite the reports after an intended change
 *
 * Needs the built `dist` (`pnpm build`). A report that changes is reviewed like code: it shows
 * every added, removed or changed export and signature in one diff.
 */
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { publishablePackages, root } from './packages.mjs';

const update = process.argv.includes('--update');
let failed = 0;
let checked = 0;

for (const pkg of publishablePackages()) {
  const reportFolder = path.join(pkg.dir, 'api');
  mkdirSync(reportFolder, { recursive: true });
  const unscoped = pkg.manifest.name.replace(/^@[^/]+\//, '');
  for (const [specifier, target] of Object.entries(pkg.manifest.exports ?? {})) {
    const types = typeof target === 'object' && target !== null ? target.types : undefined;
    if (typeof types !== 'string' || !types.endsWith('.d.ts')) continue;
    const entry = path.join(pkg.dir, types);
    if (!existsSync(entry)) {
      console.error(
        `api-report: ${pkg.manifest.name} ${specifier}: ${types} is missing — run pnpm build first`,
      );
      failed++;
      continue;
    }
    if (/^\s*\*\s*@internal\b/m.test(readFileSync(entry, 'utf8').split('*/')[0] ?? '')) continue;
    const reportName =
      specifier === '.' ? unscoped : `${unscoped}-${specifier.slice(2).replaceAll('/', '-')}`;
    const config = ExtractorConfig.prepare({
      configObject: {
        projectFolder: pkg.dir,
        mainEntryPointFilePath: entry,
        bundledPackages: [],
        compiler: {
          overrideTsconfig: {
            compilerOptions: { lib: ['ES2023', 'DOM'], types: ['node'], skipLibCheck: true },
          },
        },
        apiReport: {
          enabled: true,
          reportFolder,
          reportTempFolder: path.join(root, 'node_modules/.cache/api-report', unscoped),
          reportFileName: `${reportName}.api.md`,
        },
        docModel: { enabled: false },
        dtsRollup: { enabled: false },
        tsdocMetadata: { enabled: false },
        messages: {
          // The reports list what is exported; TSDoc style and forgotten re-exports are linted
          // elsewhere and would drown the one message that matters here: the API changed.
          extractorMessageReporting: {
            default: { logLevel: 'none' },
          },
          tsdocMessageReporting: { default: { logLevel: 'none' } },
          compilerMessageReporting: { default: { logLevel: 'warning' } },
        },
      },
      configObjectFullPath: path.join(pkg.dir, 'api-extractor.json'),
      packageJsonFullPath: path.join(pkg.dir, 'package.json'),
    });
    const result = Extractor.invoke(config, { localBuild: update, showVerboseMessages: false });
    checked++;
    const where = path.relative(root, path.join(reportFolder, `${reportName}.api.md`));
    if (result.succeeded && !result.apiReportChanged) continue;
    if (update && result.succeeded) {
      console.log(`api-report: updated ${where}`);
      continue;
    }
    failed++;
    console.error(
      result.apiReportChanged
        ? `api-report: the public API of ${pkg.manifest.name}${specifier === '.' ? '' : specifier.slice(1)} changed; ${where} does not match. Review the change and run \`node scripts/api-report.mjs --update\`.`
        : `api-report: API Extractor failed for ${pkg.manifest.name} ${specifier} (${result.errorCount} errors)`,
    );
  }
}
console.log(`api-report: ${checked} entry points, ${failed} ${update ? 'failed' : 'out of date or failed'}`);
process.exit(failed > 0 ? 1 : 0);
