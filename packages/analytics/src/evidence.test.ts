import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DeliberateEvent } from '@deliberate/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCheckpoints } from './checkpoints.ts';
import { readMetricsEngine, verifyLog } from './node.ts';
import { simulateEvents } from './simulate.ts';
import {
  byChain,
  makeSigner,
  rehash,
  restampFrom,
  signCheckpoint,
  toJsonl,
  type Signer,
} from './testing/evidence.ts';
import { nodeSha256 } from './node.ts';

/*
 * The attacks of "Evidence that holds against an attacker" against the library: each edit a
 * writer of the store can make, with the position verify reports. The CLI runs the same in
 * cli.evidence.test.ts.
 */

let dir: string;
let signer: Signer;
let events: DeliberateEvent[];
let chains: Map<string, DeliberateEvent[]>;
let target: DeliberateEvent[];
let keyFile: string;

function file(name: string, text: string): string {
  const full = path.join(dir, name);
  writeFileSync(full, text);
  return full;
}

/** All chains in chain order (as the collector exports), `replace` swapping one chain's events. */
function log(replace?: { chain: string; events: DeliberateEvent[] }): DeliberateEvent[] {
  const out: DeliberateEvent[] = [];
  for (const [id, list] of chains) out.push(...(replace && id === replace.chain ? replace.events : list));
  return out;
}

/** Line (1-based) of an event in `log(…)`. */
const lineOf = (all: DeliberateEvent[], event: DeliberateEvent) => all.indexOf(event) + 1;

function checkpointsFor(all: Map<string, DeliberateEvent[]>, extra: { chain: string; seq: number }[] = []) {
  const lines = [...all.values()].map((list) => signCheckpoint(signer, list.at(-1)!));
  for (const at of extra)
    lines.push(signCheckpoint(signer, all.get(at.chain)![at.seq]!, '2025-05-01T00:00:00.000Z'));
  return file(`cp-${Math.random().toString(36).slice(2)}.ndjson`, toJsonl(lines));
}

async function verifyWith(all: DeliberateEvent[], checkpointFile: string, allowUnanchoredTail = false) {
  const { valid, problems } = readCheckpoints(checkpointFile, keyFile);
  expect(problems).toEqual([]);
  return verifyLog(file(`log-${Math.random().toString(36).slice(2)}.jsonl`, toJsonl(all)), {
    checkpoints: valid,
    allowUnanchoredTail,
  });
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'deliberate-evidence-'));
  signer = makeSigner();
  keyFile = file('collector.pub.pem', signer.publicPem);
  events = [...simulateEvents({ decisions: 40, seed: 'evidence', duplicates: false, sha256: nodeSha256 })];
  chains = byChain(events);
  target = [...chains.values()].find((list) => list.length >= 8)!;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('verify against signed checkpoints', () => {
  it('accepts the untouched log in chain order with every chain checkpointed at its head', async () => {
    const result = await verifyWith(log(), checkpointsFor(chains));
    expect(result.ok).toBe(true);
    expect(result.checkpoints).toMatchObject({ given: chains.size, held: chains.size, violations: [] });
  });

  it('cut the tail: truncated, naming the checkpoint and the first missing seq', async () => {
    const cut = target.slice(0, -2);
    const result = await verifyWith(log({ chain: target[0]!.chain, events: cut }), checkpointsFor(chains));
    expect(result.ok).toBe(false);
    expect(result.firstBreak).toBeNull();
    expect(result.checkpoints?.violations).toEqual([
      expect.objectContaining({
        kind: 'truncated',
        chain: target[0]!.chain,
        seq: target.length - 2,
        line: null,
        checkpoint: expect.objectContaining({ seq: target.length - 1, line: expect.any(Number) }),
      }),
    ]);
  });

  it('append a correctly linked event after the checkpoint: unanchored-tail at its seq and line', async () => {
    const last = target.at(-1)!;
    const appended = rehash({
      ...last,
      id: 'forged-append',
      seq: last.seq + 1,
      prev: last.hash,
    } as DeliberateEvent);
    const all = log({ chain: last.chain, events: [...target, appended] });
    const checkpoints = checkpointsFor(chains);
    expect((await verifyLog(file('appended.jsonl', toJsonl(all)))).ok).toBe(true);
    const result = await verifyWith(all, checkpoints);
    expect(result.ok).toBe(false);
    expect(result.checkpoints?.violations).toEqual([
      expect.objectContaining({
        kind: 'unanchored-tail',
        chain: last.chain,
        seq: last.seq + 1,
        line: lineOf(all, appended),
      }),
    ]);
    // Accepted knowingly, it is still reported.
    const allowed = await verifyWith(all, checkpoints, true);
    expect(allowed.ok).toBe(true);
    expect(allowed.checkpoints?.violations).toHaveLength(1);
  });

  it('re-hash from event i on: changed-at-checkpoint at every checkpoint from i on', async () => {
    const chain = target[0]!.chain;
    const checkpoints = checkpointsFor(chains, [{ chain, seq: 3 }]);
    for (let i = 0; i < target.length; i++) {
      const rewritten = restampFrom(target, i, (e) => ({ ...e, ts: '2020-01-01T00:00:00.000Z' }));
      const all = log({ chain, events: rewritten });
      const result = await verifyWith(all, checkpoints);
      expect(result.firstBreak).toBeNull();
      const expected = [3, target.length - 1]
        .filter((seq) => seq >= i)
        .map((seq) =>
          expect.objectContaining({
            kind: 'changed-at-checkpoint',
            chain,
            seq,
            line: lineOf(all, rewritten[seq]!),
          }),
        );
      expect(result.checkpoints?.violations).toEqual(expected);
    }
  });

  it('replace a chain under a new id: missing-chain for the old, unanchored-tail for the new', async () => {
    const chain = target[0]!.chain;
    const replacement = restampFrom(
      target.map((e) => ({ ...e, chain: 'replacement-chain' })),
      0,
      (e) => e,
    );
    const all = log({ chain, events: replacement });
    const result = await verifyWith(all, checkpointsFor(chains));
    expect(result.ok).toBe(false);
    expect(result.checkpoints?.violations.map((v) => [v.kind, v.chain, v.seq, v.line])).toEqual(
      expect.arrayContaining([
        ['unanchored-tail', 'replacement-chain', 0, lineOf(all, replacement[0]!)],
        ['missing-chain', chain, null, null],
      ]),
    );
  });

  it('refuses checkpoints with a bad signature or another key, naming their line', () => {
    const good = signCheckpoint(signer, target.at(-1)!);
    const forged = { ...good, seq: good.seq + 5 };
    const foreign = signCheckpoint(makeSigner(), target.at(-1)!);
    const cpFile = file('mixed.ndjson', toJsonl([good, forged, foreign]) + 'not json\n');
    const { valid, problems } = readCheckpoints(cpFile, keyFile);
    expect(valid).toHaveLength(1);
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [2, expect.stringMatching(/line 2 .*invalid signature/)],
      [3, expect.stringMatching(/line 3 .*names key .* but the public key given is/)],
      [4, expect.stringMatching(/line 4 .* not a checkpoint: not JSON/)],
    ]);
  });
});

describe('exports and slices', () => {
  it('a clock stepped back does not break a chain-ordered export', async () => {
    // ts 0, -1.5 s, -1 s, +1 s…: time order would be 1, 2, 0, 3 — chain order verifies.
    const chain = target[0]!.chain;
    const stepped = restampFrom(target, 1, (e) => ({ ...e, ts: '2000-01-01T00:00:00.000Z' }));
    const result = await verifyLog(file('stepped.jsonl', toJsonl(log({ chain, events: stepped }))));
    expect(result.ok).toBe(true);
  });

  it('a since= slice verifies from a checkpoint or a known head, and is wrong-genesis without', async () => {
    const chain = target[0]!.chain;
    const slice = target.slice(4);
    const sliceFile = file('slice.jsonl', toJsonl(slice));
    const bare = await verifyLog(sliceFile);
    expect(bare.firstBreak).toMatchObject({ kind: 'wrong-genesis', chain, seq: 4, line: 1 });
    const cp = readCheckpoints(
      file(
        'slice-cp.ndjson',
        toJsonl([signCheckpoint(signer, target[3]!), signCheckpoint(signer, target.at(-1)!)]),
      ),
      keyFile,
    );
    const anchored = await verifyLog(sliceFile, { checkpoints: cp.valid });
    expect(anchored.ok).toBe(true);
    expect(anchored).toMatchObject({
      slicedChains: 1,
      checkpoints: { held: 1, beforeSlice: 1, violations: [] },
    });
    const earlier = await verifyLog(file('before.jsonl', toJsonl(target.slice(0, 4))));
    expect((await verifyLog(sliceFile, { heads: earlier.heads })).ok).toBe(true);
  });
});

describe('conflicting copies', () => {
  it('altered copies placed first do not move any metric: their decisions leave every metric', async () => {
    const finals = events.filter((e) => e.type === 'decision.finalized').slice(0, 10);
    const altered = finals.map((e) =>
      rehash({
        ...e,
        // Always another content, whatever the original outcome was.
        data: {
          ...e.data,
          outcome: 'overridden',
          durationMs: (e.data as { durationMs: number }).durationMs + 1,
        },
      } as DeliberateEvent),
    );
    const disputed = new Set(finals.map((e) => e.decisionId));
    const first = await readMetricsEngine(file('first.jsonl', toJsonl([...altered, ...events])));
    const last = await readMetricsEngine(file('last.jsonl', toJsonl([...events, ...altered])));
    const without = await readMetricsEngine(
      file('without.jsonl', toJsonl(events.filter((e) => !disputed.has(e.decisionId)))),
    );
    // Panels are listed in order of first appearance in the log, excluded decisions' panels with 0.
    const strip = (m: ReturnType<typeof first.metrics>) => ({
      ...m,
      input: undefined,
      explanations: m.explanations
        .filter((use) => (use.share?.k ?? 0) > 0)
        .sort((a, b) => a.panel.localeCompare(b.panel)),
    });
    expect(strip(first.metrics())).toEqual(strip(without.metrics()));
    expect(strip(last.metrics())).toEqual(strip(without.metrics()));
    const { conflicts } = first.input();
    expect(conflicts).toMatchObject({ count: 10, ids: 10, decisionsExcluded: 10 });
    expect(conflicts.list[0]).toEqual({ id: finals[0]!.id, lines: [1, 10 + events.indexOf(finals[0]!) + 1] });
    // An identical repeat is a plain duplicate.
    const repeated = await readMetricsEngine(file('repeat.jsonl', toJsonl([...events, finals[0]!])));
    expect(repeated.input()).toMatchObject({ duplicates: 1, conflicts: { count: 0 } });
  });
});

describe('input hygiene', () => {
  it('tolerates a UTF-8 BOM and reports a truncated final line', async () => {
    const text = toJsonl(target);
    const bom = file('bom.jsonl', '\uFEFF' + text);
    expect(await verifyLog(bom)).toMatchObject({ ok: true, malformed: { count: 0 } });
    expect((await readMetricsEngine(bom)).input().malformed.count).toBe(0);
    const truncated = file('truncated.jsonl', text + JSON.stringify(target[0]).slice(0, 40));
    expect((await verifyLog(truncated)).unparseableFinalLine).toBe(target.length + 1);
    expect((await readMetricsEngine(truncated)).input().unparseableFinalLine).toBe(target.length + 1);
  });
});
