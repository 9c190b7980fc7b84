import type { DeliberateEvent } from '@deliberate/core';
import { DEFAULT_BINS, computeExtras, computeMetrics, groupSlots } from './compute.ts';
import { DecisionTable } from './decisions.ts';
import { EventDigestTable, EventIdTable, ID_CONFLICT, ID_NEW, portableDigest, type IdTable } from './ids.ts';
import type {
  Binning,
  GroupField,
  GroupOptions,
  GroupedMetricsReport,
  InputSummary,
  Metrics,
  MetricsOptions,
  MetricsReport,
} from './types.ts';
import { isDeliberateEvent } from './validate.ts';

/** Default minimum group size for `--by`: smaller groups are suppressed (docs/research.md §4). */
export const DEFAULT_K = 10;
/** How many malformed line numbers the input summary lists. */
export const MALFORMED_LINES_LISTED = 20;
/** How many conflicts the input summary lists. */
export const CONFLICTS_LISTED = 20;

/** What a line turned out to be; the parallel reader's workers classify lines with these. */
export const LINE_BLANK = 0;
export const LINE_NOT_JSON = 1;
export const LINE_INVALID = 2;
export const LINE_EVENT = 3;

/** Blank (or whitespace-only) lines, such as the one after a trailing newline, are no data. */
export function isBlankLine(text: string): boolean {
  return text.length === 0 || (text.charCodeAt(0) <= 32 && text.trim().length === 0);
}

/** The fields `--by` accepts. */
export const GROUP_FIELDS: readonly GroupField[] = [
  'procedure',
  'model',
  'arm',
  'uiVariant',
  'role',
  'month',
  'actor',
];

/** Thrown for options that make no sense (the CLI turns it into exit code 2). */
export class MetricsOptionError extends RangeError {
  override name = 'MetricsOptionError';
}

function resolveBins(options: MetricsOptions): { bins: number; binning: Binning } {
  const bins = options.bins ?? DEFAULT_BINS;
  if (!Number.isInteger(bins) || bins < 1 || bins > 1000) {
    throw new MetricsOptionError(`bins must be a whole number from 1 to 1000, not ${String(bins)}.`);
  }
  const binning = options.binning ?? 'width';
  if (binning !== 'width' && binning !== 'mass') {
    throw new MetricsOptionError(`binning must be "width" or "mass", not "${String(binning)}".`);
  }
  return { bins, binning };
}

/** Options for `createMetricsEngine`. */
export interface EngineOptions {
  /**
   * How many events the log probably holds (e.g. file size / 650 bytes). The tables are sized for
   * it up front instead of growing by half each time they fill up, which saves memory and time on
   * big logs; a wrong guess costs nothing but a growth.
   * @default unknown (start small)
   */
  expectedEvents?: number | undefined;
  /**
   * A digest of an event's text (its JSONL line; `JSON.stringify` of a pushed value) as at least
   * 16 hex digits; two copies of an id whose digests differ are a conflict. The default is a
   * portable 64-bit hash that is not cryptographic; `@deliberate/analytics/node` passes SHA-256,
   * so that no one can craft an altered copy that passes as a repeat.
   * @default portableDigest
   */
  digest?: ((text: string) => string) | undefined;
  /**
   * Where the line and decision of a conflicting id's first copy come from. `'kept'`: the engine
   * keeps them for every id (≈ 32 bytes per id). `'reread'`: it keeps only the id's fingerprint and
   * digest (≈ 21 bytes per id) and the caller reads the log again when there were conflicts,
   * passing each first copy to `resolveFirstCopy` (conflicts.ts does this for files); until then
   * `input()` reports 0 as the first copy's line and that decision is not yet excluded.
   * @default 'kept'
   */
  firstCopies?: 'kept' | 'reread' | undefined;
}

/**
 * The streaming metrics engine: feed it lines (or parsed events) in log order, ask for metrics at
 * any time. Pure: no Node APIs, runs in a browser.
 *
 * @example
 * const engine = createMetricsEngine();
 * for (const line of text.split('\n')) engine.pushLine(line);
 * engine.metrics().override; // { rate, lo, hi, k, n }
 */
export interface MetricsEngine {
  /**
   * One JSONL line (without its newline). Blank lines are skipped; a line that is not JSON or
   * fails the event schema is counted as malformed with its line number and otherwise ignored.
   */
  pushLine(line: string): void;
  /** One already parsed value, counted as one line. */
  pushEvent(value: unknown): void;
  /**
   * One line that was classified elsewhere (a worker thread): `kind` is `LINE_BLANK`,
   * `LINE_NOT_JSON`, `LINE_INVALID` or `LINE_EVENT`; for `LINE_EVENT`, `event` passed
   * `isDeliberateEvent` (only the fields the metrics read need to be present) and
   * `digestHi`/`digestLo` are the first 64 bits of the line's digest (`EngineOptions.digest`),
   * big-endian. The same lines pushed with `pushLine` give the same result.
   */
  pushClassified(kind: number, event: DeliberateEvent | null, digestHi: number, digestLo: number): void;
  /**
   * `firstCopies: 'reread'`: the conflicting ids whose first copy has not been resolved yet, in
   * the order their first conflict was read.
   */
  unresolvedFirstCopies(): string[];
  /**
   * `firstCopies: 'reread'`: the first copy of conflicting `id` — the first line holding a valid
   * event with that id — was `line`, in decision `decisionId`. Excludes that decision and fills in
   * the line in the conflict list.
   */
  resolveFirstCopy(id: string, line: number, decisionId: string): void;
  /** What was read so far. */
  input(): InputSummary;
  /** The metrics over all finalized decisions, with the report's extras. */
  metrics(options?: MetricsOptions): MetricsReport;
  /**
   * The metrics per group; groups smaller than `k` are suppressed. Throws `MetricsOptionError` for
   * `by: 'actor'` unless `allowIndividualActors` is set.
   */
  grouped(by: GroupField, options?: GroupOptions): GroupedMetricsReport;
  /** Decisions held and the bytes of the engine's tables (for the memory budget). */
  memory(): { decisions: number; bytes: number };
  /** The joined decisions, for callers that compute their own views. */
  readonly table: DecisionTable;
}

/**
 * Creates a metrics engine. Memory is O(decisions): a compact record per decision and a 64-bit
 * fingerprint per event id (for de-duplication); see README.md "Memory".
 *
 * @example
 * const engine = createMetricsEngine();
 * events.forEach((event) => engine.pushEvent(event));
 * const { groups, suppressed } = engine.grouped('procedure', { k: 10 });
 */
export function createMetricsEngine(options: EngineOptions = {}): MetricsEngine {
  const expected = options.expectedEvents ?? 0;
  // About 4.5 events per decision in real and simulated logs; a wrong guess only costs a growth.
  const table = new DecisionTable(Math.max(1 << 12, Math.ceil(expected / 4)));
  const idCapacity = Math.max(1 << 14, Math.ceil(expected * 1.05));
  const firstCopies = options.firstCopies ?? 'kept';
  if (firstCopies !== 'kept' && firstCopies !== 'reread') {
    throw new MetricsOptionError(
      `firstCopies must be "kept" or "reread", not ${JSON.stringify(firstCopies)}.`,
    );
  }
  const ids: IdTable =
    firstCopies === 'kept' ? new EventIdTable(idCapacity) : new EventDigestTable(idCapacity);
  /** 'reread': conflicting id → line of its first copy (0 until resolved). */
  const firstLines = new Map<string, number>();
  const digest = options.digest ?? portableDigest;
  let line = 0;
  let lines = 0;
  let events = 0;
  let duplicates = 0;
  let malformed = 0;
  let lastMalformed = false;
  let lastLine = 0;
  const malformedLines: number[] = [];
  let conflicts = 0;
  const conflictIds = new Set<string>();
  const conflictList: { id: string; lines: [number, number] }[] = [];

  function markMalformed(): void {
    malformed++;
    if (malformedLines.length < MALFORMED_LINES_LISTED) malformedLines.push(line);
  }

  function accept(value: unknown, text: string | null): void {
    if (!isDeliberateEvent(value)) {
      markMalformed();
      return;
    }
    const event = value as DeliberateEvent;
    const hex = digest(text ?? JSON.stringify(value));
    const hi = parseInt(hex.slice(0, 8), 16) >>> 0;
    fold(event, ids.seeDigest(event.id, hi, parseInt(hex.slice(8, 16), 16) >>> 0, line));
  }

  function fold(event: DeliberateEvent, seen: number): void {
    if (seen === ID_NEW) {
      events++;
      ids.setSlot(table.ingest(event));
      return;
    }
    if (seen !== ID_CONFLICT) {
      duplicates++;
      return;
    }
    // Same id, other content: neither copy can be trusted, whichever came first. Every decision
    // either copy belongs to leaves every metric.
    conflicts++;
    conflictIds.add(event.id);
    if (firstCopies === 'reread' && !firstLines.has(event.id)) firstLines.set(event.id, 0);
    if (conflictList.length < CONFLICTS_LISTED)
      conflictList.push({ id: event.id, lines: [ids.firstLine(), line] });
    const first = ids.firstSlot();
    if (first >= 0) table.excludeSlot(first);
    table.exclude(event.decisionId);
  }

  function pushLine(text: string): void {
    line++;
    if (isBlankLine(text)) return;
    lines++;
    lastLine = line;
    lastMalformed = false;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      markMalformed();
      lastMalformed = true;
      return;
    }
    accept(value, text);
  }

  function pushEvent(value: unknown): void {
    line++;
    lines++;
    lastLine = line;
    lastMalformed = false;
    accept(value, null);
  }

  function pushClassified(
    kind: number,
    event: DeliberateEvent | null,
    digestHi: number,
    digestLo: number,
  ): void {
    if (kind !== LINE_BLANK && kind !== LINE_NOT_JSON && kind !== LINE_INVALID && kind !== LINE_EVENT) {
      throw new RangeError(`pushClassified: unknown line kind ${String(kind)}.`);
    }
    if (kind === LINE_EVENT && event === null)
      throw new TypeError('pushClassified: an event line needs its event.');
    line++;
    if (kind === LINE_BLANK) return;
    lines++;
    lastLine = line;
    lastMalformed = kind === LINE_NOT_JSON;
    if (kind !== LINE_EVENT || event === null) {
      markMalformed();
      return;
    }
    fold(event, ids.seeDigest(event.id, digestHi, digestLo, line));
  }

  function unresolvedFirstCopies(): string[] {
    return [...firstLines].filter(([, first]) => first === 0).map(([id]) => id);
  }

  function resolveFirstCopy(id: string, firstLine: number, decisionId: string): void {
    if (firstLines.get(id) !== 0) {
      throw new RangeError(`resolveFirstCopy: ${JSON.stringify(id)} is not an unresolved conflicting id.`);
    }
    firstLines.set(id, firstLine);
    for (const conflict of conflictList) if (conflict.id === id) conflict.lines[0] = firstLine;
    table.exclude(decisionId);
  }

  function input(): InputSummary {
    return {
      lines,
      events,
      duplicates,
      malformed: { count: malformed, lines: [...malformedLines] },
      conflicts: {
        count: conflicts,
        ids: conflictIds.size,
        decisionsExcluded: table.excluded,
        list: conflictList.map((conflict) => ({ id: conflict.id, lines: [...conflict.lines] })),
      },
      unparseableFinalLine: lastMalformed ? lastLine : null,
    };
  }

  function metrics(options: MetricsOptions = {}): MetricsReport {
    const resolved = resolveBins(options);
    const core: Metrics = computeMetrics(table, null, resolved);
    return { ...core, input: input(), ...computeExtras(table) };
  }

  function grouped(by: GroupField, options: GroupOptions = {}): GroupedMetricsReport {
    if (!GROUP_FIELDS.includes(by)) {
      throw new MetricsOptionError(`Cannot group by "${String(by)}"; use one of ${GROUP_FIELDS.join(', ')}.`);
    }
    if (by === 'actor' && options.allowIndividualActors !== true) {
      throw new MetricsOptionError(
        'Grouping by actor rates individual employees. It needs the staff council’s consent and must be allowed explicitly (allowIndividualActors / --allow-individual-actors).',
      );
    }
    const resolved = resolveBins(options);
    const k = options.k ?? DEFAULT_K;
    if (!Number.isInteger(k) || k < 1)
      throw new MetricsOptionError(`k must be a whole number ≥ 1, not ${String(k)}.`);
    const groups: Record<string, Metrics> = {};
    let suppressedGroups = 0;
    let suppressedDecisions = 0;
    let decisions = 0;
    const entries = [...groupSlots(table, by).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [key, slots] of entries) {
      decisions += slots.length;
      if (slots.length < k) {
        suppressedGroups++;
        suppressedDecisions += slots.length;
        continue;
      }
      groups[key] = computeMetrics(table, slots, resolved);
    }
    return {
      by,
      k,
      decisions,
      groups,
      suppressed: { groups: suppressedGroups, decisions: suppressedDecisions },
      input: input(),
    };
  }

  return {
    pushLine,
    pushEvent,
    pushClassified,
    unresolvedFirstCopies,
    resolveFirstCopy,
    input,
    metrics,
    grouped,
    memory: () => ({ decisions: table.size, bytes: table.bytes + ids.bytes }),
    table,
  };
}

/**
 * Metrics over events held in memory (the dashboard in a browser, tests).
 *
 * @example
 * const result = metricsFromEvents(simulateEvents({ decisions: 500, seed: 'demo' }));
 */
export function metricsFromEvents(events: Iterable<unknown>, options: MetricsOptions = {}): MetricsReport {
  const engine = createMetricsEngine();
  for (const event of events) engine.pushEvent(event);
  return engine.metrics(options);
}
