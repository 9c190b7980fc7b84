import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricsFromEvents } from './engine.ts';
import {
  LogInputError,
  readLogLines,
  readMetricsEngine,
  verifyLog,
  writeReport,
  writeSimulatedLog,
} from './node.ts';

let dir: string;
let log: string;
let text: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'deliberate-analytics-'));
  log = path.join(dir, 'log.jsonl');
  await writeSimulatedLog(log, { decisions: 300, seed: 'node-test' });
  text = readFileSync(log, 'utf8');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readLogLines', { timeout: 30_000 }, () => {
  it('reads gzip files (detected by content) line for line like the plain file', async () => {
    const gz = path.join(dir, 'log.jsonl.gz');
    writeFileSync(gz, gzipSync(text));
    const plain: string[] = [];
    const zipped: string[] = [];
    await readLogLines(log, (line) => plain.push(line));
    await readLogLines(gz, (line) => zipped.push(line));
    expect(zipped).toEqual(plain);
    expect(plain.length).toBe(text.trimEnd().split('\n').length);
  });

  it('reads standard input for "-", in small chunks split anywhere, with CRLF and no final newline', async () => {
    const input = 'a\r\nbé\n\nc';
    const bytes = Buffer.from(input);
    const chunks = [bytes.subarray(0, 3), bytes.subarray(3, 5), bytes.subarray(5)];
    const lines: string[] = [];
    await readLogLines('-', (line) => lines.push(line), { stdin: Readable.from(chunks) });
    expect(lines).toEqual(['a', 'bé', '', 'c']);
  });

  it('reads gzip from standard input', async () => {
    const lines: string[] = [];
    await readLogLines('-', (line) => lines.push(line), { stdin: Readable.from([gzipSync('x\ny\n')]) });
    expect(lines).toEqual(['x', 'y']);
  });

  it('fails clearly for a missing file, a directory and a broken gzip file', async () => {
    await expect(readLogLines(path.join(dir, 'nope.jsonl'), () => {})).rejects.toThrow(LogInputError);
    await expect(readLogLines(dir, () => {})).rejects.toThrow(/directory/);
    const broken = path.join(dir, 'broken.jsonl.gz');
    writeFileSync(broken, gzipSync(text).subarray(0, 2000));
    await expect(readLogLines(broken, () => {})).rejects.toThrow(/gzip/);
  });
});

describe('readMetricsEngine', { timeout: 30_000 }, () => {
  it('gives the same metrics for the file, its gzip and the events in memory', async () => {
    const gz = path.join(dir, 'same.jsonl.gz');
    writeFileSync(gz, gzipSync(text));
    const fromFile = (await readMetricsEngine(log)).metrics();
    const fromGzip = (await readMetricsEngine(gz)).metrics();
    const inMemory = metricsFromEvents(
      text
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as unknown),
    );
    expect(fromGzip).toEqual(fromFile);
    expect({ ...inMemory, input: null }).toEqual({ ...fromFile, input: null });
    expect(fromFile.decisions).toBeGreaterThan(250);
  });
});

describe('verifyLog', { timeout: 30_000 }, () => {
  it('finds every chain of a simulated log intact', async () => {
    const result = await verifyLog(log);
    expect(result.ok).toBe(true);
    expect(result.firstBreak).toBeNull();
    expect(result.malformed.count).toBe(0);
    expect(result.chains).toBeGreaterThan(10);
  });

  it('detects a tampered line: the changed event, its chain, seq and line number', async () => {
    const lines = text.trimEnd().split('\n');
    const target = lines.findIndex(
      (line) => line.includes('"type":"decision.finalized"') && line.includes('"label":"approve"'),
    );
    lines[target] = lines[target]!.replace('"label":"approve"', '"label":"reject"');
    const tampered = path.join(dir, 'tampered.jsonl');
    writeFileSync(tampered, lines.join('\n') + '\n');
    const original = JSON.parse(text.trimEnd().split('\n')[target]!) as { chain: string; seq: number };
    const result = await verifyLog(tampered);
    expect(result.ok).toBe(false);
    expect(result.firstBreak).toMatchObject({
      kind: 'changed',
      chain: original.chain,
      seq: original.seq,
      line: target + 1,
    });
  });

  it('reports a line that is not JSON as malformed, and the gap it leaves as a missing event', async () => {
    const lines = text.trimEnd().split('\n');
    const target = lines.findIndex(
      (line, i) => i > 10 && line.includes('"type":"decision.opened"') && !line.includes('"seq":0,'),
    );
    const original = JSON.parse(lines[target]!) as { chain: string; seq: number };
    lines[target] = '{garbled';
    const broken = path.join(dir, 'garbled.jsonl');
    writeFileSync(broken, lines.join('\n') + '\n');
    const result = await verifyLog(broken);
    expect(result.ok).toBe(false);
    expect(result.malformed).toEqual({ count: 1, lines: [target + 1] });
    expect(result.firstBreak).toMatchObject({ kind: 'missing', chain: original.chain, seq: original.seq });
  });
});

describe('writeReport', { timeout: 30_000 }, () => {
  it('writes one self-contained HTML file: inline SVG and CSS, no script, no external resource', async () => {
    const file = path.join(dir, 'report.html');
    const engine = await readMetricsEngine(log);
    await writeReport(file, engine.metrics(), {
      lang: 'de',
      source: 'log.jsonl',
      generatedAt: new Date('2025-07-01T12:00:00Z'),
    });
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<html lang="de"');
    expect(html).toContain('<svg');
    expect(html).toContain('<style>');
    expect(html).toContain('.dlb-reliability__point');
    expect(html).toContain('.dlb-dashboard__tile');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/@import/);
    expect(html).not.toMatch(/NaN/);
    expect(html).toContain('Kalibrierung der KI');
  });
});
