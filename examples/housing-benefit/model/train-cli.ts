/*
 * `pnpm --filter @deliberate-examples/housing-benefit train`: generates the synthetic data set,
 * trains and calibrates the model, and writes model/model.json (checked in; deterministic, so a
 * re-run reproduces the file).
 */
import { writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { fileURLToPath } from 'node:url';
import { train } from './model.ts';

const model = train();
const out = fileURLToPath(new URL('./model.json', import.meta.url));
// Formatted as the repository's Prettier check expects, so a re-run leaves no diff.
writeFileSync(out, await format(JSON.stringify(model), { ...(await resolveConfig(out)), filepath: out }));
const m = model.metrics;
console.log(
  `wrote ${out}\n` +
    `held-out test accuracy ${(m.accuracy * 100).toFixed(1)} % (n = ${model.training.test}); ` +
    `temperature ${model.temperature}; ECE (${m.bins} equal-width bins) ${m.eceBefore.toFixed(4)} → ${m.eceAfter.toFixed(4)}; ` +
    `NLL ${m.nllBefore.toFixed(4)} → ${m.nllAfter.toFixed(4)}`,
);
