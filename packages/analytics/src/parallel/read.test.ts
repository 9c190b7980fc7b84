import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINE_BLANK, LINE_EVENT, LINE_INVALID, LINE_NOT_JSON, type MetricsEngine } from '../engine.ts';
import { MAX_LINE_BYTES, lineDigest, readMetrics, writeSimulatedLog } from '../node.ts';
import { classifyLines } from './classify.ts';

let dir: string;
let clean: string[];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'deliberate-parallel-'));
  const file = path.join(dir, 'clean.jsonl');
  await writeSimulatedLog(file, { decisions: 400, seed: 'parallel-test' });
  clean = readFileSync(file, 'utf8').trimEnd().split('\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The clean log with what real logs have: a byte order mark, CRLF endings, blank lines, garbage,
 * JSON that is no event, exact resends, altered copies (conflicts), and a truncated final line.
 */
function messyLog(seed: number): string {
  const next = random(seed);
  const out: string[] = [];
  for (const line of clean) {
    const roll = next();
    if (roll < 0.02) out.push('');
    else if (roll < 0.03) out.push('{"truncated": ');
    else if (roll < 0.04) out.push('{"schema":"deliberate.event/1","type":"decision.opened"}');
    else if (roll < 0.05) out.push('   \t');
    out.push(next() < 0.05 ? `${line}\r` : line);
    if (next() < 0.03) out.push(line); // an exact resend
    if (next() < 0.01) {
      const altered = JSON.parse(line) as { ts: string };
      altered.ts = '2031-01-01T00:00:00.000Z';
      out.push(JSON.stringify(altered)); // same id, other content
    }
  }
  const text = out.join('\n');
  // A BOM on the first line, a final line cut off in the middle.
  return `\uFEFF${text}\n${clean[3]!.slice(0, 80)}`;
}

function summary(engine: MetricsEngine): unknown {
  return {
    metrics: engine.metrics({ bins: 7 }),
    grouped: engine.grouped('procedure', { k: 3 }),
    memory: engine.memory().decisions,
  };
}

describe('parallel metrics reader', { timeout: 60_000 }, () => {
  it('gives exactly the sequential result on messy logs, whatever the batch boundaries', async () => {
    for (const [seed, batchBytes] of [
      [1, 4096],
      [2, 1000],
      [3, 65_536],
      [4, 333],
    ] as const) {
      const file = path.join(dir, `messy-${seed}.jsonl`);
      writeFileSync(file, messyLog(seed));
      const sequential = await readMetrics(file, { parallel: false });
      const parallel = await readMetrics(file, { parallel: true, workers: 2, batchBytes });
      expect(sequential.parallel).toBeNull();
      expect(parallel.parallel?.workers).toBe(2);
      const input = sequential.engine.input();
      // The log really has every kind of trouble, so the comparison below means something.
      expect(input.malformed.count).toBeGreaterThan(5);
      expect(input.duplicates).toBeGreaterThan(5);
      expect(input.conflicts.count).toBeGreaterThan(0);
      const [firstCopy = 0, secondCopy = 0] = input.conflicts.list[0]!.lines;
      expect(secondCopy).toBeGreaterThan(firstCopy);
      // The cut-off final line is reported with its number: the last line of the file.
      expect(input.unparseableFinalLine).toBe(readFileSync(file, 'utf8').split('\n').length);
      expect(summary(parallel.engine)).toEqual(summary(sequential.engine));
    }
  });

  it('reads gzip files in parallel with the same result as the plain file', async () => {
    const text = messyLog(5);
    const plain = path.join(dir, 'gz-plain.jsonl');
    const gz = path.join(dir, 'gz.jsonl.gz');
    writeFileSync(plain, text);
    writeFileSync(gz, gzipSync(text));
    const fromPlain = await readMetrics(plain, { parallel: false });
    const fromGzip = await readMetrics(gz, { parallel: true, workers: 2, batchBytes: 8192 });
    expect(fromGzip.parallel).not.toBeNull();
    expect(summary(fromGzip.engine)).toEqual(summary(fromPlain.engine));
  });

  it('reads a line too long to buffer as one malformed line, as the sequential reader does', async () => {
    const file = path.join(dir, 'oversized.jsonl');
    const huge = `{"x":"${'a'.repeat(MAX_LINE_BYTES + 200_000)}"}`;
    writeFileSync(file, [...clean.slice(0, 50), huge, ...clean.slice(50, 100)].join('\n') + '\n');
    const sequential = await readMetrics(file, { parallel: false });
    const parallel = await readMetrics(file, { parallel: true, workers: 2, batchBytes: 16_384 });
    expect(sequential.engine.input().malformed.lines).toEqual([51]);
    expect(summary(parallel.engine)).toEqual(summary(sequential.engine));
  });

  it('spreads a large log over at least two workers', async () => {
    const file = path.join(dir, 'large.jsonl');
    writeFileSync(file, `${clean.join('\n')}\n`.repeat(4));
    const { engine, parallel } = await readMetrics(file, { parallel: true, batchBytes: 65_536 });
    expect(parallel!.workers).toBeGreaterThanOrEqual(2);
    expect(parallel!.batchesPerWorker.filter((batches) => batches > 0).length).toBeGreaterThanOrEqual(2);
    // Four copies of the log: everything after the first copy is a resend.
    const once = path.join(dir, 'once.jsonl');
    writeFileSync(once, `${clean.join('\n')}\n`);
    const single = (await readMetrics(once, { parallel: false })).engine.input();
    expect(engine.input()).toMatchObject({
      lines: clean.length * 4,
      events: single.events,
      duplicates: single.duplicates + clean.length * 3,
    });
  });

  it('reads on the main thread when DELIBERATE_WORKERS is 0, and rejects nonsense there', async () => {
    const file = path.join(dir, 'env.jsonl');
    writeFileSync(file, `${clean.join('\n')}\n`);
    const before = process.env['DELIBERATE_WORKERS'];
    try {
      process.env['DELIBERATE_WORKERS'] = '0';
      expect((await readMetrics(file, { parallel: true })).parallel).toBeNull();
      process.env['DELIBERATE_WORKERS'] = 'two';
      await expect(readMetrics(file, { parallel: true })).rejects.toThrow(
        'DELIBERATE_WORKERS must be a whole number from 0 to 256, not "two".',
      );
    } finally {
      if (before === undefined) delete process.env['DELIBERATE_WORKERS'];
      else process.env['DELIBERATE_WORKERS'] = before;
    }
  });
});

describe('classifyLines', () => {
  it('tells blank lines, non-JSON, non-events and events apart, with the SHA-256 of the line', () => {
    const event = clean[0]!;
    const bytes = Buffer.from(`\n  \r\n{oops\n{"a":1}\n${event}\r\n`);
    const { kinds, digests, events } = classifyLines(bytes);
    expect([...kinds]).toEqual([LINE_BLANK, LINE_BLANK, LINE_NOT_JSON, LINE_INVALID, LINE_EVENT]);
    const hex = lineDigest(event);
    expect([...digests]).toEqual([parseInt(hex.slice(0, 8), 16), parseInt(hex.slice(8, 16), 16)]);
    const [slim] = JSON.parse(events) as unknown[][];
    expect(slim!.slice(1, 4)).toEqual([
      (JSON.parse(event) as { id: string }).id,
      (JSON.parse(event) as { ts: string }).ts,
      (JSON.parse(event) as { decisionId: string }).decisionId,
    ]);
  });

  it('hashes a line as the sequential reader does: its text, also with non-ASCII or invalid UTF-8', () => {
    const event = JSON.parse(clean[0]!) as { procedure: string };
    const accented = JSON.stringify({ ...event, procedure: 'Bürgergeld – Prüfung' });
    // 0xff is no UTF-8: decoded as U+FFFD, which the sequential reader hashes.
    const invalid = Buffer.from(JSON.stringify({ ...event, procedure: 'x?' }));
    invalid[invalid.indexOf('x?') + 1] = 0xff;
    const bytes = Buffer.concat([Buffer.from(`${accented}\n`), invalid, Buffer.from('\n')]);
    const { kinds, digests } = classifyLines(bytes);
    expect([...kinds]).toEqual([LINE_EVENT, LINE_EVENT]);
    const half = (hex: string) => [parseInt(hex.slice(0, 8), 16), parseInt(hex.slice(8, 16), 16)];
    expect([...digests]).toEqual([
      ...half(lineDigest(accented)),
      ...half(lineDigest(invalid.toString('utf8'))),
    ]);
    expect(invalid.toString('utf8')).toContain('\uFFFD');
  });

  it('ignores bytes after the last newline', () => {
    expect([...classifyLines(Buffer.from('{}\n{"partial')).kinds]).toEqual([LINE_INVALID]);
  });
});
