import { DeliberateEventSchema } from '@deliberate/core/events';
import type { DeliberateEvent } from '@deliberate/core';

/**
 * Serialises events as JSON Lines: one event per line, each line ending in `\n`.
 *
 * @example
 * await writeFile('log.jsonl', toJsonl(memory.events.get()));
 */
export function toJsonl(events: Iterable<DeliberateEvent>): string {
  let out = '';
  for (const event of events) out += `${JSON.stringify(event)}\n`;
  return out;
}

/**
 * Options for `parseJsonl`.
 *
 * @example
 * parseJsonl(text, { validate: false }); // only JSON syntax is checked
 */
export interface ParseJsonlOptions {
  /** Check each object against the `deliberate.event/1` schema. @default true */
  validate?: boolean;
}

/**
 * The events read from JSON Lines, and the 1-based numbers of the lines that were not valid
 * events (blank lines are skipped, not counted as malformed).
 *
 * @example
 * const { events, malformed } = parseJsonl(text);
 */
export interface ParsedJsonl {
  events: DeliberateEvent[];
  malformed: number[];
}

/**
 * Parses JSON Lines (`\n` or `\r\n`, an optional BOM). Events are returned exactly as written —
 * not normalised by the schema — so that their hashes can be verified.
 *
 * @example
 * const { events, malformed } = parseJsonl(await readFile('log.jsonl', 'utf8'));
 * if (malformed.length) console.warn(`lines ${malformed.join(', ')} are not events`);
 */
export function parseJsonl(text: string, options: ParseJsonlOptions = {}): ParsedJsonl {
  const validate = options.validate ?? true;
  const events: DeliberateEvent[] = [];
  const malformed: number[] = [];
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  lines.forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      malformed.push(i + 1);
      return;
    }
    const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
    if (!isObject || (validate && !DeliberateEventSchema.safeParse(value).success)) {
      malformed.push(i + 1);
      return;
    }
    events.push(value as DeliberateEvent);
  });
  return { events, malformed };
}
