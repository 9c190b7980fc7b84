/**
 * Logger throughput in Node: `createLogger` with pseudonymisation and a memory sink, fed
 * realistic drafts one protocol step at a time (one `log()` call per event, as the decision
 * provider does), timed from the first `log()` to the end of `flush()`. The baseline, measured in
 * the same run and alternating with the logger's rounds, is the least any hash-chained log must
 * do: `JSON.stringify` plus SHA-256 (node:crypto) of the very events the logger produced.
 *
 * Run alone: `pnpm bench logger`.
 */
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import type { DeliberateEvent } from '@deliberate/core';
import { createLogger, createMemorySink, type LogInput } from '@deliberate/log';
import { realisticDrafts } from './drafts.ts';
import { median } from './stats.ts';
import type { BenchSuite } from './types.ts';

const EVENTS = 100_000;
const ROUNDS = 5;
const KEY = 'bench-pseudonym-key-0123456789abcdef';

interface Round {
  seconds: number;
  cpuSeconds: number;
  events: readonly DeliberateEvent[];
}

/** Logs every draft (one `log()` per draft, none awaited on its own) and flushes. */
async function loggerRound(drafts: readonly LogInput[]): Promise<Round> {
  const sink = createMemorySink();
  const logger = createLogger({ sinks: [sink], pseudonymize: { key: KEY } });
  const cpu = process.cpuUsage();
  const started = performance.now();
  const calls = drafts.map((draft) => logger.log(draft));
  await Promise.all(calls);
  await logger.flush();
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const events = sink.events.get();
  if (events.length !== drafts.length) throw new Error(`logged ${events.length} of ${drafts.length} events`);
  return { seconds, cpuSeconds: (used.user + used.system) / 1e6, events };
}

/** The floor: serialise and hash each event once, nothing else. */
function baselineRound(events: readonly DeliberateEvent[]): Round {
  const cpu = process.cpuUsage();
  const started = performance.now();
  let check = 0;
  for (const event of events) {
    const digest = createHash('sha256').update(JSON.stringify(event)).digest('hex');
    check += digest.charCodeAt(0);
  }
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  if (check === 0) throw new Error('unreachable');
  return { seconds, cpuSeconds: (used.user + used.system) / 1e6, events };
}

export const logger: BenchSuite = {
  name: 'logger',
  async run() {
    const drafts = realisticDrafts(EVENTS);
    // Warm-up (not counted): lets the JIT see the hot paths.
    const warm = await loggerRound(drafts.slice(0, 10_000));
    baselineRound(warm.events);

    const rounds: Round[] = [];
    const baselines: Round[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const round = await loggerRound(drafts);
      rounds.push(round);
      baselines.push(baselineRound(round.events));
    }
    const perSecond = median(rounds.map((round) => EVENTS / round.seconds));
    const perCpuSecond = median(rounds.map((round) => EVENTS / round.cpuSeconds));
    const basePerSecond = median(baselines.map((round) => EVENTS / round.seconds));
    const bytes = rounds[0]?.events.reduce((sum, event) => sum + JSON.stringify(event).length, 0) ?? 0;
    return [
      {
        suite: 'logger',
        name: `createLogger, pseudonymise + chain + SHA-256 → memory sink, ${EVENTS.toLocaleString('en')} events, one log() each`,
        value: Math.round(perSecond),
        unit: 'events/s',
        baseline: { name: 'JSON.stringify + SHA-256 of the same events', value: Math.round(basePerSecond) },
        ratio: Number((perSecond / basePerSecond).toFixed(3)),
        target: '≥ 50,000 events/s',
        pass: perSecond >= 50_000,
        note:
          `median of ${ROUNDS} rounds, wall clock; ${Math.round(perCpuSecond).toLocaleString('en')} events per CPU-second; ` +
          `~${Math.round(bytes / EVENTS)} B/event; load average ${loadavg()[0]?.toFixed(1)} on this machine`,
      },
    ];
  },
};
