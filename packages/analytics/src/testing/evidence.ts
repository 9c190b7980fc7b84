import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import {
  CHECKPOINT_SCHEMA,
  publicKeyId,
  signingInput,
  type ChainCheckpoint,
  type Unsigned,
} from '@deliberate/core/events';
import type { DeliberateEvent } from '@deliberate/core';
import { hashEvent } from '@deliberate/log';

/*
 * Test fixtures for the evidence checks: a real Ed25519 key pair and checkpoints signed in the
 * collector's format (`signingInput`, base64 Ed25519), and the edits an attacker with write
 * access to the store would make. No mocks: these are the bytes the collector produces.
 */

export interface Signer {
  publicPem: string;
  keyId: string;
  privateKey: KeyObject;
}

export function makeSigner(): Signer {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  return {
    publicPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    keyId: publicKeyId(raw),
    privateKey,
  };
}

/** A checkpoint over `event`, signed as the collector signs it. */
export function signCheckpoint(
  signer: Signer,
  event: Pick<DeliberateEvent, 'chain' | 'seq' | 'hash'>,
  signedAt = '2025-06-01T12:00:00.000Z',
): ChainCheckpoint {
  const unsigned: Unsigned<ChainCheckpoint> = {
    schema: CHECKPOINT_SCHEMA,
    chain: event.chain,
    seq: event.seq,
    hash: event.hash,
    signedAt,
    keyId: signer.keyId,
  };
  const signature = sign(null, signingInput(unsigned), signer.privateKey).toString('base64');
  return { ...unsigned, signature };
}

export function rehash<T extends object>(event: T): T {
  return { ...event, hash: hashEvent(event) };
}

/** Re-stamps `events` (one chain, in order) from index `from` on, so the chain links up again. */
export function restampFrom(
  events: readonly DeliberateEvent[],
  from: number,
  edit: (e: DeliberateEvent) => DeliberateEvent,
) {
  const out = events.slice(0, from);
  let prev = from === 0 ? null : events[from - 1]!.hash;
  for (let i = from; i < events.length; i++) {
    const base = i === from ? edit(events[i]!) : events[i]!;
    const next = rehash({ ...base, prev } as DeliberateEvent);
    out.push(next);
    prev = next.hash;
  }
  return out;
}

export const toJsonl = (events: readonly object[]) => events.map((e) => JSON.stringify(e)).join('\n') + '\n';

/** The events of a JSONL text, grouped by chain in log order. */
export function byChain(events: readonly DeliberateEvent[]): Map<string, DeliberateEvent[]> {
  const chains = new Map<string, DeliberateEvent[]>();
  for (const event of events) {
    let list = chains.get(event.chain);
    if (!list) chains.set(event.chain, (list = []));
    // Simulated logs hold at-least-once repeats: keep each seq once.
    if (list.at(-1)?.seq !== event.seq) list.push(event);
  }
  return chains;
}
