import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DeliberateEvent } from '@deliberate/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './testing/cli.ts';
import { nodeSha256 } from './node.ts';
import { simulateEvents } from './simulate.ts';
import { byChain, makeSigner, rehash, signCheckpoint, toJsonl } from './testing/evidence.ts';

/*
 * The evidence checks through the real CLI process (as cli.test.ts runs it): exit codes and the
 * positions printed for each attack, input hygiene, and the report's Content-Security-Policy.
 */

function run(args: string[]): Promise<CliRun> {
  return runCli(args, dir);
}

let dir: string;
let events: DeliberateEvent[];
let target: DeliberateEvent[];
const write = (name: string, text: string) => writeFileSync(path.join(dir, name), text);

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'deliberate-cli-evidence-'));
  events = [
    ...simulateEvents({ decisions: 40, seed: 'cli-evidence', duplicates: false, sha256: nodeSha256 }),
  ];
  const chains = byChain(events);
  target = [...chains.values()].find((list) => list.length >= 6)!;
  const signer = makeSigner();
  write('key.pem', signer.publicPem);
  write('cp.ndjson', toJsonl([...chains.values()].map((list) => signCheckpoint(signer, list.at(-1)!))));
  write('log.jsonl', toJsonl(events));
  const cut = events.filter((e) => e !== target.at(-1));
  write('cut.jsonl', toJsonl(cut));
  const last = target.at(-1)!;
  const appended = rehash({ ...last, id: 'forged', seq: last.seq + 1, prev: last.hash } as DeliberateEvent);
  write('appended.jsonl', toJsonl([...events, appended]));
  write('forged-cp.ndjson', JSON.stringify({ ...signCheckpoint(signer, last), seq: 1 }) + '\n');
  write('slice.jsonl', toJsonl(target.slice(3)));
  write('slice-cp.ndjson', toJsonl([signCheckpoint(signer, target[2]!), signCheckpoint(signer, last)]));
  const finals = events.filter((e) => e.type === 'decision.finalized').slice(0, 3);
  const altered = finals.map((e) =>
    rehash({
      ...e,
      data: { ...e.data, durationMs: (e.data as { durationMs: number }).durationMs + 1 },
    } as DeliberateEvent),
  );
  write('conflicts.jsonl', toJsonl([...altered, ...events]));
  write('empty.jsonl', '');
  write('garbage.jsonl', 'hello\nworld\n');
  write('truncated.jsonl', toJsonl(events) + JSON.stringify(events[0]).slice(0, 50));
  write('bom.jsonl', '\uFEFF' + toJsonl(events));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.concurrent('deliberate verify / metrics against an attacker', { timeout: 60_000 }, () => {
  it('OK with checkpoints when nothing was touched', async () => {
    const { code, stdout } = await run([
      'verify',
      'log.jsonl',
      '--checkpoints',
      'cp.ndjson',
      '--public-key',
      'key.pem',
    ]);
    expect(stdout).toMatch(/^OK: \d+ chains intact/);
    expect(code).toBe(0);
  });

  it('cut tail: exit 1, truncated, naming the checkpoint', async () => {
    const last = target.at(-1)!;
    const { code, stdout } = await run([
      'verify',
      'cut.jsonl',
      '--checkpoints',
      'cp.ndjson',
      '--public-key',
      'key.pem',
    ]);
    expect(code).toBe(1);
    expect(stdout).toContain(
      `VIOLATED: chain ${last.chain}, checkpoint seq ${last.seq} signed 2025-06-01T12:00:00.000Z`,
    );
    expect(stdout).toMatch(/\(truncated\) at after the last line/);
    // Without checkpoints the cut cannot be seen, and the output says so.
    const bare = await run(['verify', 'cut.jsonl']);
    expect(bare.code).toBe(0);
    expect(bare.stdout).toContain('Without checkpoints, a cut-off tail');
  });

  it('appended event: exit 1 with seq and line; a warning with --allow-unanchored-tail', async () => {
    const last = target.at(-1)!;
    const line = events.length + 1;
    const strict = await run([
      'verify',
      'appended.jsonl',
      '--checkpoints',
      'cp.ndjson',
      '--public-key',
      'key.pem',
    ]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain(`(unanchored-tail) at seq ${last.seq + 1}, line ${line}`);
    const allowed = await run([
      'verify',
      'appended.jsonl',
      '--checkpoints',
      'cp.ndjson',
      '--public-key',
      'key.pem',
      '--allow-unanchored-tail',
      '--json',
    ]);
    expect(allowed.code).toBe(0);
    const json = JSON.parse(allowed.stdout) as {
      ok: boolean;
      checkpoints: { violations: { kind: string; line: number }[] };
    };
    expect(json.ok).toBe(true);
    expect(json.checkpoints.violations).toEqual([expect.objectContaining({ kind: 'unanchored-tail', line })]);
  });

  it('a forged checkpoint is itself an error naming its line', async () => {
    const { code, stdout } = await run([
      'verify',
      'log.jsonl',
      '--checkpoints',
      'forged-cp.ndjson',
      '--public-key',
      'key.pem',
    ]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/BAD CHECKPOINT: checkpoint at line 1 .* invalid signature/);
  });

  it('a since= slice: wrong-genesis alone, OK anchored by a checkpoint', async () => {
    const bare = await run(['verify', 'slice.jsonl']);
    expect(bare.code).toBe(1);
    expect(bare.stdout).toContain(`BROKEN: chain ${target[0]!.chain} at seq 3 (wrong-genesis), line 1`);
    const anchored = await run([
      'verify',
      'slice.jsonl',
      '--checkpoints',
      'slice-cp.ndjson',
      '--public-key',
      'key.pem',
    ]);
    expect(anchored.stdout).toContain('1 chains start after genesis');
    expect(anchored.code).toBe(0);
  });

  it('conflicting copies first: exit 3 with both lines; --accept-conflicts exits 0, still excluded', async () => {
    const finals = events.filter((e) => e.type === 'decision.finalized').slice(0, 3);
    const strict = await run(['metrics', 'conflicts.jsonl', '--json']);
    expect(strict.code).toBe(3);
    expect(strict.stderr).toContain(
      `conflict: id ${finals[0]!.id} at lines 1 and ${3 + events.indexOf(finals[0]!) + 1}`,
    );
    const accepted = await run(['metrics', 'conflicts.jsonl', '--json', '--accept-conflicts']);
    expect(accepted.code).toBe(0);
    const result = JSON.parse(accepted.stdout) as { input: { conflicts: { decisionsExcluded: number } } };
    expect(result.input.conflicts.decisionsExcluded).toBe(3);
    const report = await run(['report', 'conflicts.jsonl', '-o', 'conflicts.html']);
    expect(report.code).toBe(3);
  });

  it.each([
    ['empty.jsonl', /holds no events \(it is empty\)/],
    ['garbage.jsonl', /holds no valid events \(2 non-blank lines/],
    ['truncated.jsonl', /the last line \(\d+\) is not JSON — the log looks truncated/],
  ])('metrics, report and verify exit 2 on %s', async (name, message) => {
    for (const args of [
      ['metrics', name],
      ['report', name, '-o', `${name}.html`],
      ['verify', name],
    ]) {
      const { code, stderr } = await run(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toMatch(message);
    }
  });

  it('tolerates a BOM: no false BROKEN, no malformed line', async () => {
    const verify = await run(['verify', 'bom.jsonl']);
    expect(verify.code).toBe(0);
    expect(verify.stdout).not.toContain('malformed');
    const metrics = await run(['metrics', 'bom.jsonl', '--json']);
    expect(
      (JSON.parse(metrics.stdout) as { input: { malformed: { count: number } } }).input.malformed.count,
    ).toBe(0);
  });

  it('the report carries a CSP that allows only its own style element and style attributes', async () => {
    expect((await run(['report', 'log.jsonl', '-o', 'csp.html'])).code).toBe(0);
    const html = readFileSync(path.join(dir, 'csp.html'), 'utf8');
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(policy).toBeDefined();
    const directives = new Map(
      policy!.split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/);
        return [name!, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect([...directives.keys()].sort()).toEqual(['base-uri', 'default-src', 'form-action', 'style-src']);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    const sources = directives.get('style-src')!;
    expect(sources[0]).toBe(hash(style));
    expect(sources).not.toContain("'unsafe-inline'");
    const attributes = [...html.matchAll(/\sstyle="([^"]*)"/g)].map((m) => m[1]!);
    expect(attributes.length).toBeGreaterThan(0);
    for (const value of attributes) expect(sources).toContain(hash(value));
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(?:src|href|action)\s*=\s*["']?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?(?:https?:)?\/\//i);
  });
});
