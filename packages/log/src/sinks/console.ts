import type { EventSink } from '../types.ts';

/**
 * Options for `createConsoleSink`.
 *
 * @example
 * createConsoleSink({ format: 'json' });
 */
export interface ConsoleSinkOptions {
  /** @default globalThis.console */
  console?: Pick<Console, 'debug'>;
  /** `summary`: one short line per event; `json`: the whole event. @default 'summary' */
  format?: 'summary' | 'json';
}

/**
 * A development sink that prints each event. Never use it in production: the console is not
 * storage, and it shows pseudonymised but still per-person data to whoever opens devtools.
 *
 * @example
 * createLogger({ sinks: [createConsoleSink()], pseudonymize: false });
 * // [deliberate] #3 decision.finalized 0190f3a4-… (chain 0190f3a0-…)
 */
export function createConsoleSink(options: ConsoleSinkOptions = {}): EventSink {
  const out = options.console ?? globalThis.console;
  const format = options.format ?? 'summary';
  return {
    async write(events) {
      for (const event of events) {
        if (format === 'json') out.debug('[deliberate]', JSON.stringify(event));
        else out.debug(`[deliberate] #${event.seq} ${event.type} ${event.decisionId} (chain ${event.chain})`);
      }
    },
  };
}
