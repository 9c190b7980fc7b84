import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DeliberateEvent } from '@deliberate/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeSha256 } from './node.ts';
import { simulateEvents } from './simulate.ts';
import { runCli } from './testing/cli.ts';
import { byChain, makeSigner, signCheckpoint, toJsonl, type Signer } from './testing/evidence.ts';

/*
 * Key rotation for checkpoint signing: `deliberate verify` takes --public-key once per key in use
 * since the checkpoints began; checkpoints signed by an older key keep verifying, and one whose
 * keyId matches none of the keys given is an error naming that keyId.
 */

let dir: string;
let oldKey: Signer;
let newKey: Signer;
let stranger: Signer;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'deliberate-rotation-'));
  const events: DeliberateEvent[] = [
    ...simulateEvents({ decisions: 30, seed: 'rotation', duplicates: false, sha256: nodeSha256 }),
  ];
  oldKey = makeSigner();
  newKey = makeSigner();
  stranger = makeSigner();
  const chains = [...byChain(events).values()];
  // Each chain: a checkpoint at its middle signed by the old key, one at its end by the new key.
  const checkpoints = chains.flatMap((list) => [
    signCheckpoint(oldKey, list[Math.floor((list.length - 1) / 2)]!, '2025-03-01T00:00:00.000Z'),
    signCheckpoint(newKey, list.at(-1)!, '2025-09-01T00:00:00.000Z'),
  ]);
  writeFileSync(path.join(dir, 'log.jsonl'), toJsonl(events));
  writeFileSync(path.join(dir, 'cp.ndjson'), toJsonl(checkpoints));
  writeFileSync(path.join(dir, 'old.pem'), oldKey.publicPem);
  writeFileSync(path.join(dir, 'new.pem'), newKey.publicPem);
  writeFileSync(path.join(dir, 'stranger.pem'), stranger.publicPem);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const verify = (...keys: string[]) =>
  runCli(
    [
      'verify',
      'log.jsonl',
      '--json',
      '--checkpoints',
      'cp.ndjson',
      ...keys.flatMap((key) => ['--public-key', key]),
    ],
    dir,
  );

describe.concurrent('deliberate verify with rotated checkpoint keys', { timeout: 60_000 }, () => {
  it('verifies checkpoints of the old and the new key when both are given', async () => {
    const run = await verify('old.pem', 'new.pem');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { ok: boolean; checkpointProblems: unknown[]; keyIds: string[] };
    expect(result.ok).toBe(true);
    expect(result.checkpointProblems).toEqual([]);
    expect(result.keyIds).toEqual([oldKey.keyId, newKey.keyId]);
  });

  it('names the key of every checkpoint no given key matches (exit 1)', async () => {
    const run = await verify('new.pem', 'stranger.pem');
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout) as { ok: boolean; checkpointProblems: { message: string }[] };
    expect(result.ok).toBe(false);
    expect(result.checkpointProblems.length).toBeGreaterThan(0);
    for (const problem of result.checkpointProblems) {
      expect(problem.message).toContain(
        `names key ${oldKey.keyId}, which is none of the public keys given (${newKey.keyId}, ${stranger.keyId})`,
      );
    }
    const text = await runCli(
      ['verify', 'log.jsonl', '--checkpoints', 'cp.ndjson', '--public-key', 'new.pem'],
      dir,
    );
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`names key ${oldKey.keyId}, but the public key given is ${newKey.keyId}`);
  });

  it('refuses the same key given twice', async () => {
    const run = await verify('new.pem', 'new.pem');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`(${newKey.keyId}) is given twice`);
  });
});
