import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './testing/cli.ts';
import { writeSimulatedLog } from './node.ts';

/*
 * The CLI as people run it: a separate process through tsx (the workspace resolves @deliberate/*
 * to source through the `@deliberate/source` condition). Few and fast: one small log, concurrent.
 */

function run(args: string[], stdin?: Buffer): Promise<CliRun> {
  return runCli(args, dir, stdin);
}

let dir: string;
let log: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'deliberate-cli-'));
  log = path.join(dir, 'log.jsonl');
  await writeSimulatedLog(log, { decisions: 200, seed: 'cli' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.concurrent('deliberate CLI', { timeout: 60_000 }, () => {
  it('metrics --json prints one JSON object with the contract fields, reading gzip from stdin', async () => {
    const { code, stdout, stderr } = await run(
      ['metrics', '-', '--json', '--bins', '5', '--binning', 'mass'],
      gzipSync(readFileSync(log)),
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const result = JSON.parse(stdout) as Record<string, unknown>;
    for (const key of [
      'decisions',
      'agreement',
      'override',
      'switch',
      'overReliance',
      'underReliance',
      'rair',
      'rsr',
      'accuracy',
      'complementarity',
      'calibration',
      'decisionTimeMs',
      'byConfidenceBin',
      'input',
    ]) {
      expect(result).toHaveProperty(key);
    }
    expect(result['calibration']).toMatchObject({ binning: 'mass', binCount: 5 });
    expect(result['override']).toEqual({
      rate: expect.any(Number),
      lo: expect.any(Number),
      hi: expect.any(Number),
      k: expect.any(Number),
      n: expect.any(Number),
    });
  });

  it('metrics --by prints groups and what was suppressed; without --json a readable table', async () => {
    const grouped = await run(['metrics', log, '--json', '--by', 'role', '--k', '30']);
    expect(grouped.code).toBe(0);
    const result = JSON.parse(grouped.stdout) as {
      by: string;
      groups: object;
      suppressed: { groups: number; decisions: number };
    };
    expect(result.by).toBe('role');
    expect(Object.keys(result.groups).length).toBeGreaterThan(0);
    expect(result.suppressed).toEqual({ groups: expect.any(Number), decisions: expect.any(Number) });
    const table = await run(['metrics', log]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/over-reliance\s+\d/);
  });

  it.each([
    [['metrics', 'missing.jsonl', '--json'], /no such file/],
    [['metrics', 'log.jsonl', '--colour'], /Unknown option '--colour'/],
    [['metrics', 'log.jsonl', '--bins', 'ten'], /--bins must be a whole number/],
    [['metrics', 'log.jsonl', '--by', 'actor'], /staff council/],
    [['report', 'log.jsonl'], /-o report.html/],
    [['frobnicate'], /Unknown command/],
  ])('exits 2 with a clear message for %j', async (args, message) => {
    const { code, stderr, stdout } = await run(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stdout).toBe('');
  });

  it('report --reason-labels shows reason texts from a JSON file instead of the logged ones', async () => {
    writeFileSync(
      path.join(dir, 'reasons.de.json'),
      JSON.stringify({ 'missing-evidence': 'Nachweis fehlt', other: 'Sonstiges' }),
    );
    const report = await run([
      'report',
      log,
      '-o',
      'labelled.html',
      '--lang',
      'de',
      '--reason-labels',
      'reasons.de.json',
    ]);
    expect(report.code).toBe(0);
    const html = readFileSync(path.join(dir, 'labelled.html'), 'utf8');
    expect(html).toContain('Nachweis fehlt');
    expect(html).not.toContain('Evidence missing');
    // Codes the file does not name keep their logged text.
    expect(html).toContain('Hardship rule applies');
  });

  it.each([
    ['not-json.json', '{"missing-evidence": ', /reason labels in not-json\.json are not JSON/],
    ['array.json', '["Nachweis fehlt"]', /must be one JSON object from reason code/],
    ['number.json', '{"other": 3}', /"other" must map to a non-empty text, not 3/],
    ['absent.json', null, /cannot read reason labels from absent\.json/],
  ])(
    'report exits 2 before reading the log when the labels file %s is unusable',
    async (name, content, message) => {
      if (content !== null) writeFileSync(path.join(dir, name), content);
      const output = `unwritten-${name}.html`;
      // The log does not exist either: the labels file is checked first, so its error is the one shown.
      const { code, stderr } = await run(['report', 'missing.jsonl', '-o', output, '--reason-labels', name]);
      expect(code).toBe(2);
      expect(stderr).toMatch(message);
      expect(existsSync(path.join(dir, output))).toBe(false);
    },
  );

  it('verify exits 0 for intact chains and 1 with the chain and seq of a tampered line', async () => {
    const ok = await run(['verify', log]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^OK: \d+ chains intact/);
    const lines = readFileSync(log, 'utf8').trimEnd().split('\n');
    const index = lines.findIndex(
      (line) => line.includes('"durationMs":') && line.includes('decision.finalized'),
    );
    const original = JSON.parse(lines[index]!) as { chain: string; seq: number };
    lines[index] = lines[index]!.replace(
      /"durationMs":(\d+)/,
      (_, ms: string) => `"durationMs":${Number(ms) + 1}`,
    );
    writeFileSync(path.join(dir, 'tampered.jsonl'), lines.join('\n') + '\n');
    const broken = await run(['verify', 'tampered.jsonl']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(
      `BROKEN: chain ${original.chain} at seq ${original.seq} (changed), line ${index + 1}`,
    );
  });

  it('report writes a self-contained HTML file; simulate writes JSONL to stdout', async () => {
    const report = await run(['report', log, '-o', 'out.html', '--lang', 'de']);
    expect(report.code).toBe(0);
    const html = readFileSync(path.join(dir, 'out.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script/i);
    // Without labels, reasons show the texts the (English) simulator logged with their codes.
    expect(html).toContain('Evidence missing');
    const simulated = await run(['simulate', '--decisions', '5', '--seed', 'x']);
    expect(simulated.code).toBe(0);
    const events = simulated.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { schema: string });
    expect(events.length).toBeGreaterThan(10);
    expect(events.every((e) => e.schema === 'deliberate.event/1')).toBe(true);
  });
});
