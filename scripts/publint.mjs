#!/usr/bin/env node
/** Packs every publishable package with pnpm and lints the packed result with publint (strict). */
import { formatMessage } from 'publint/utils';
import { publint } from 'publint';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { publishablePackages } from './packages.mjs';

let problems = 0;
for (const pkg of publishablePackages()) {
  const { messages } = await publint({ pkgDir: pkg.dir, pack: 'pnpm', strict: true, level: 'suggestion' });
  const manifest = JSON.parse(readFileSync(path.join(pkg.dir, 'package.json'), 'utf8'));
  if (messages.length === 0) console.log(`publint: ${pkg.manifest.name} ok`);
  for (const message of messages) {
    problems++;
    console.error(`publint: ${pkg.manifest.name} [${message.type}] ${formatMessage(message, manifest)}`);
  }
}
process.exit(problems > 0 ? 1 : 0);
