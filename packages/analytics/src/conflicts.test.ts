import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveFirstCopies } from './conflicts.ts';
import { createMetricsEngine, type MetricsEngine } from './engine.ts';
import { EventDigestTable, ID_CONFLICT, ID_NEW, ID_REPEAT } from './ids.ts';
import { LogInputError, lineDigest, readLogLines, readMetrics, writeSimulatedLog } from './node.ts';

let dir: string;
let clean: string[];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'deliberate-conflicts-'));
  const file = path.join(dir, 'clean.jsonl');
  await writeSimulatedLog(file, { decisions: 300, seed: 'conflicts-test' });
  clean = readFileSync(file, 'utf8').trimEnd().split('\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Event = { id: string; ts: string; decisionId: string };

/**
 * Conflicts of every sort: an altered timestamp, an altered copy moved to another decision, a
 * first copy whose id is written with JSON escapes, and an id that conflicts three times.
 */
function conflictingLog(): string {
  const out = [...clean];
  const at = (i: number) => JSON.parse(clean[i]!) as Event;
  // The first copy of line 11's id is written with \u escapes: the same id once parsed.
  const escaped = clean[10]!.replace(
    `"id":"${at(10).id}"`,
    `"id":"\\u${at(10).id.charCodeAt(0).toString(16).padStart(4, '0')}${at(10).id.slice(1)}"`,
  );
  expect(escaped).not.toBe(clean[10]);
  out[10] = escaped;
  out.push(JSON.stringify({ ...at(10), ts: '2031-01-01T00:00:00.000Z' }));
  out.push(JSON.stringify({ ...at(20), decisionId: at(200).decisionId }));
  out.push(JSON.stringify({ ...at(30), ts: '2031-02-01T00:00:00.000Z' }));
  out.push(JSON.stringify({ ...at(30), ts: '2031-03-01T00:00:00.000Z' }));
  out.push(clean[30]!); // an exact resend of the first copy: a repeat, not a conflict
  return `${out.join('\n')}\n`;
}

function kept(text: string): MetricsEngine {
  const engine = createMetricsEngine({ digest: lineDigest, firstCopies: 'kept' });
  for (const line of text.split('\n')) engine.pushLine(line);
  return engine;
}

const summary = (engine: MetricsEngine) => ({
  input: engine.input(),
  metrics: engine.metrics({ bins: 5 }),
  grouped: engine.grouped('procedure', { k: 2 }),
});

describe('conflicts found by reading the file again', { timeout: 60_000 }, () => {
  it('reports both lines and excludes both decisions exactly as the engine that keeps them', async () => {
    const text = conflictingLog();
    const file = path.join(dir, 'conflicts.jsonl');
    writeFileSync(file, text);
    const expected = summary(kept(text));
    const input = expected.input;
    expect(input.conflicts.count).toBe(4);
    expect(input.conflicts.ids).toBe(3);
    // Line 11's decision, line 21's and the decision its altered copy moved to, line 31's.
    expect(input.conflicts.decisionsExcluded).toBe(4);
    expect(input.conflicts.list.map((conflict) => conflict.lines[0])).toEqual([11, 21, 31, 31]);
    for (const parallel of [false, true]) {
      const { engine } = await readMetrics(file, { parallel, workers: 2, batchBytes: 2048 });
      expect(summary(engine)).toEqual(expected);
    }
  });

  it('says that the file changed when a first copy is not there any more', async () => {
    const text = conflictingLog();
    const file = path.join(dir, 'changed.jsonl');
    writeFileSync(file, text);
    const engine = createMetricsEngine({ digest: lineDigest, firstCopies: 'reread' });
    for (const line of text.split('\n')) engine.pushLine(line);
    expect(engine.unresolvedFirstCopies()).toHaveLength(3);
    expect(engine.input().conflicts.list[0]!.lines[0]).toBe(0);
    writeFileSync(file, clean.slice(20).join('\n'));
    await expect(resolveFirstCopies(file, engine, readLogLines)).rejects.toThrow(LogInputError);
    await expect(resolveFirstCopies(file, engine, readLogLines)).rejects.toThrow(
      /the first copy of event .* was not found when the log was read again for its conflicts; the file changed while it was read\./,
    );
  });

  it('rejects an unknown firstCopies mode', () => {
    expect(() => createMetricsEngine({ firstCopies: 'later' as 'kept' })).toThrow(
      'firstCopies must be "kept" or "reread", not "later".',
    );
  });
});

describe('EventDigestTable', () => {
  it('tells new ids, repeats and conflicts apart while it grows from its smallest size', () => {
    const table = new EventDigestTable(1);
    const ids = Array.from({ length: 5000 }, (_, i) => `event-${i}`);
    for (const [i, id] of ids.entries()) expect(table.seeDigest(id, i, i * 7)).toBe(ID_NEW);
    expect(table.size).toBe(5000);
    for (const [i, id] of ids.entries()) {
      expect(table.seeDigest(id, i, i * 7)).toBe(ID_REPEAT);
      expect(table.seeDigest(id, i, i * 7 + 1)).toBe(ID_CONFLICT);
    }
    expect(table.size).toBe(5000);
    expect(table.bytes).toBeLessThan(5000 * 24);
  });
});
