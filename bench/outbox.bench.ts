/**
 * Outbox write throughput against raw IndexedDB, in the same Chromium page: see
 * bench/pages/outbox-vs-idb.ts for what exactly is compared.
 *
 * Run alone: `pnpm bench outbox`.
 */
import path from 'node:path';
import { runInBrowser } from './browser.ts';
import type { OutboxBenchResult } from './pages/outbox-vs-idb.ts';
import { median } from './stats.ts';
import type { BenchSuite } from './types.ts';

export const outbox: BenchSuite = {
  name: 'outbox',
  async run() {
    const result = await runInBrowser<OutboxBenchResult>(
      path.join(import.meta.dirname, 'pages', 'outbox-vs-idb.ts'),
    );
    if (result.errors.length > 0) throw new Error(`outbox bench page: ${result.errors.join('; ')}`);
    const outboxMs = median(result.outboxMs);
    const rawMs = median(result.rawMs);
    const loggerMs = median(result.loggerMs);
    const perSecond = (ms: number) => Math.round(result.records / (ms / 1000)).toLocaleString('en');
    const ratio = outboxMs / rawMs;
    return [
      {
        suite: 'outbox',
        name: `IndexedDB outbox write, ${result.records.toLocaleString('en')} events in batches of ${result.batch} (Chromium)`,
        value: Math.round(outboxMs),
        unit: 'ms',
        baseline: { name: 'raw IndexedDB, same records and transactions', value: Math.round(rawMs) },
        ratio: Number(ratio.toFixed(3)),
        target: '≤ 1.5× raw IndexedDB',
        pass: ratio <= 1.5,
        note:
          `median of ${result.outboxMs.length} alternating rounds; same = the same stamped events (~${result.bytesPerRecord} B), ` +
          `one readwrite transaction per ${result.batch} (the logger's write size), add() into an auto-increment store, durability strict, ` +
          `each awaited; fresh database each round; ${perSecond(outboxMs)} vs ${perSecond(rawMs)} events/s`,
      },
      {
        suite: 'outbox',
        name: `logger.log → outbox, ${result.records.toLocaleString('en')} drafts: stamp, pseudonymise, hash, persist (Chromium)`,
        value: Math.round(loggerMs),
        unit: 'ms',
        note: `reference, no target: median of ${result.loggerMs.length} rounds, ${perSecond(loggerMs)} events/s end to end in the browser (portable SHA-256)`,
      },
    ];
  },
};
