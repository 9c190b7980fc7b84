import type { DeliberateEvent } from '@deliberate/core';
import { canonicalize, sha256Hex } from '@deliberate/core/events';
import { describe, expect, it } from 'vitest';
import { createChainVerifier, hashEvent, stampAt, stampEvent, verifyChain } from './chain.ts';
import type { ChainBreak } from './chain.ts';
import { makeChain, makeDraft } from './testing/drafts.ts';

const N = 1000;
const chain = makeChain(N);

/**
 * Hashes each event object once: the tamper loops below verify thousands of variants of one
 * chain, and all but one event of each variant are the original, already-hashed objects.
 */
function memoizedHash() {
  const cache = new WeakMap<object, string>();
  return (event: object) => {
    let hash = cache.get(event);
    if (hash === undefined) {
      hash = hashEvent(event);
      cache.set(event, hash);
    }
    return hash;
  };
}
const options = { hashEvent: memoizedHash() };

function at(index: number): DeliberateEvent {
  const event = chain[index];
  if (!event) throw new Error(`no event ${index}`);
  return event;
}

/** Where verification first breaks, in a form that diffs readably when many are compared. */
function firstBreak(events: readonly unknown[]): Pick<ChainBreak, 'kind' | 'seq' | 'index'> | null {
  const found = verifyChain(events, options).firstBreak;
  return found && { kind: found.kind, seq: found.seq, index: found.index };
}

function edited(event: DeliberateEvent): DeliberateEvent {
  return { ...event, data: { ...event.data, durationMs: 1 } } as DeliberateEvent;
}

describe('hashEvent', () => {
  it('matches the hash the event was stamped with', () => {
    expect(hashEvent(at(0))).toBe(at(0).hash);
  });

  it('does not depend on key order', () => {
    const reversed = Object.fromEntries(Object.entries(at(3)).reverse());
    expect(hashEvent(reversed)).toBe(at(3).hash);
  });
});

describe('stampEvent', () => {
  it('chains each event to the previous one and advances the head', () => {
    const first = stampEvent(makeDraft('decision.opened'), 'e0', { id: 'c', seq: 0, prev: null });
    const second = stampEvent(makeDraft('decision.abandoned'), 'e1', first.next);
    expect(first.event).toMatchObject({ id: 'e0', chain: 'c', seq: 0, prev: null });
    expect(second.event).toMatchObject({ id: 'e1', chain: 'c', seq: 1, prev: first.event.hash });
    expect(second.next).toEqual({ id: 'c', seq: 2, prev: second.event.hash });
  });

  it('ignores chain fields a draft tries to bring along', () => {
    const draft = { ...makeDraft('decision.abandoned'), seq: 99, chain: 'evil', hash: 'x' };
    const { event } = stampEvent(draft, 'e0', { id: 'c', seq: 0, prev: null });
    expect(event).toMatchObject({ chain: 'c', seq: 0 });
    expect(event.hash).toBe(hashEvent(event));
  });
});

describe('stampAt', () => {
  it('hashes with the SHA-256 a caller brings, over the same canonical text as the contract', () => {
    const draft = makeDraft('decision.opened');
    const texts: string[] = [];
    const own = stampAt(draft, 'e0', 'c', 4, 'f'.repeat(64), (unhashed) => {
      texts.push(canonicalize(unhashed));
      return sha256Hex(canonicalize(unhashed));
    });
    const contract = stampAt(draft, 'e0', 'c', 4, 'f'.repeat(64));
    expect(own).toEqual(contract);
    expect(JSON.stringify(own)).toBe(JSON.stringify(contract));
    const { hash: _hash, ...unhashed } = contract;
    expect(texts).toEqual([canonicalize(unhashed)]);
    expect(own.hash).toBe(hashEvent(own));
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain of 1,000 events and reports its head', () => {
    const result = verifyChain(chain, options);
    expect(result).toMatchObject({ ok: true, events: N, firstBreak: null, breaks: [] });
    expect(result.chains).toEqual([
      { chain: 'chain-a', events: N, head: { id: 'chain-a', seq: N, prev: at(N - 1).hash }, broken: false },
    ]);
  });

  it('accepts an empty log', () => {
    expect(verifyChain([])).toMatchObject({ ok: true, events: 0, chains: [] });
  });

  it('treats an exact repeat of the event before it as a harmless duplicate', () => {
    const events = [at(0), at(1), at(1), at(2)];
    expect(verifyChain(events)).toMatchObject({ ok: true, duplicates: 1 });
  });

  describe('given a chain of 1,000 events tampered with once', () => {
    it('reports a changed event at its position, wherever it is', () => {
      const found = [];
      const expected = [];
      for (let k = 0; k < N; k++) {
        const variant = chain.slice();
        variant[k] = edited(at(k));
        found.push(firstBreak(variant));
        expected.push({ kind: 'changed', seq: k, index: k });
      }
      expect(found).toEqual(expected);
    });

    it('reports an event that was changed and re-hashed at its position, wherever it is but last', () => {
      const found = [];
      const expected = [];
      for (let k = 0; k < N - 1; k++) {
        const variant = chain.slice();
        const changed = edited(at(k));
        variant[k] = { ...changed, hash: hashEvent(changed) };
        found.push(firstBreak(variant));
        expected.push({ kind: 'changed', seq: k, index: k });
      }
      expect(found).toEqual(expected);
    });

    it('reports a deleted event as missing at its seq (wrong-genesis when it was the first)', () => {
      const found = [];
      const expected = [];
      for (let k = 0; k < N - 1; k++) {
        const variant = chain.slice();
        variant.splice(k, 1);
        found.push(firstBreak(variant));
        expected.push(
          k === 0 ? { kind: 'wrong-genesis', seq: 1, index: 0 } : { kind: 'missing', seq: k, index: k },
        );
      }
      expect(found).toEqual(expected);
    });

    it('reports a deleted last event as missing when the chain head is known', () => {
      const known = verifyChain(chain, options).chains[0]?.head;
      if (!known) throw new Error('no head');
      const cut = chain.slice(0, -1);
      expect(verifyChain(cut, options).ok).toBe(true);
      expect(verifyChain(cut, { ...options, heads: [known] }).firstBreak).toMatchObject({
        kind: 'missing',
        chain: 'chain-a',
        seq: N - 1,
      });
    });

    it('reports a forged event inserted with a correct link as inserted at its position', () => {
      const found = [];
      const expected = [];
      for (let k = 0; k < N; k++) {
        const position = { id: 'chain-a', seq: k, prev: k === 0 ? null : at(k - 1).hash };
        const { event: forged } = stampEvent(makeDraft('decision.abandoned'), `forged-${k}`, position);
        const variant = chain.slice();
        variant.splice(k, 0, forged);
        const result = firstBreak(variant);
        // Before the last event, its successor tells which of the two claimants is genuine.
        // With no successor, either could be; the seq is still exact.
        found.push(k < N - 1 ? result : { kind: result?.kind, seq: result?.seq });
        expected.push(k < N - 1 ? { kind: 'inserted', seq: k, index: k } : { kind: 'inserted', seq: k });
      }
      expect(found).toEqual(expected);
    });

    it('reports an inserted event that does not link to its predecessor as inserted at its position', () => {
      for (const k of [1, 2, 500, N - 1]) {
        const { event: forged } = stampEvent(makeDraft('decision.abandoned'), 'forged', {
          id: 'chain-a',
          seq: k,
          prev: 'f'.repeat(64),
        });
        const variant = chain.slice();
        variant.splice(k, 0, forged);
        expect(firstBreak(variant)).toEqual({ kind: 'inserted', seq: k, index: k });
      }
    });

    it('reports an inserted event with an out-of-place seq as inserted', () => {
      const { event: stray } = stampEvent(makeDraft('decision.abandoned'), 'stray', {
        id: 'chain-a',
        seq: 5000,
        prev: 'f'.repeat(64),
      });
      const variant = chain.slice();
      variant.splice(300, 0, stray);
      expect(firstBreak(variant)).toEqual({ kind: 'inserted', seq: 5000, index: 300 });
    });

    it('reports two swapped neighbours as reordered at the first of them, wherever they are', () => {
      const found = [];
      const expected = [];
      for (let k = 0; k < N - 1; k++) {
        const variant = chain.slice();
        variant[k] = at(k + 1);
        variant[k + 1] = at(k);
        found.push(firstBreak(variant));
        expected.push({ kind: 'reordered', seq: k, index: k });
      }
      expect(found).toEqual(expected);
    });
  });

  it('reports an event moved far back as reordered', () => {
    const variant = [...chain.slice(0, 10), at(3), ...chain.slice(10)];
    expect(firstBreak(variant)).toEqual({ kind: 'reordered', seq: 3, index: 10 });
  });

  it('reports a first event with a prev as wrong-genesis', () => {
    const { event } = stampEvent(makeDraft('decision.opened'), 'e', {
      id: 'c',
      seq: 0,
      prev: 'a'.repeat(64),
    });
    expect(verifyChain([event]).firstBreak).toMatchObject({
      kind: 'wrong-genesis',
      chain: 'c',
      seq: 0,
      index: 0,
    });
  });

  it('accepts a chain that starts in the middle when genesis is not required', () => {
    const tail = chain.slice(400);
    expect(verifyChain(tail, options).firstBreak).toMatchObject({ kind: 'wrong-genesis' });
    expect(verifyChain(tail, { ...options, requireGenesis: false }).ok).toBe(true);
  });

  it('reports lines that are not events as malformed and keeps checking the chains', () => {
    const result = verifyChain([at(0), { hello: 'world' }, at(1), null, at(2)]);
    expect(result.malformed).toBe(2);
    expect(result.breaks).toEqual([expect.objectContaining({ kind: 'malformed', chain: '', index: 1 })]);
    expect(result.chains).toEqual([expect.objectContaining({ chain: 'chain-a', events: 3, broken: false })]);
  });

  describe('given interleaved chains', () => {
    const other = makeChain(300, 'chain-b');
    const interleave = (a: readonly DeliberateEvent[], b: readonly DeliberateEvent[]) =>
      Array.from({ length: Math.max(a.length, b.length) }, (_, i) => [a[i], b[i]])
        .flat()
        .filter(Boolean);

    it('verifies each chain on its own', () => {
      const result = verifyChain(interleave(chain, other), options);
      expect(result.ok).toBe(true);
      expect(result.chains.map(({ chain: id, events }) => [id, events])).toEqual([
        ['chain-a', N],
        ['chain-b', 300],
      ]);
    });

    it('reports the break in the tampered chain only, with its chain and seq', () => {
      const tampered = other.slice();
      tampered.splice(120, 1);
      const result = verifyChain(interleave(chain, tampered), options);
      expect(result.breaks).toEqual([
        expect.objectContaining({ kind: 'missing', chain: 'chain-b', seq: 120, index: 2 * 120 + 1 }),
      ]);
      expect(result.chains.find((summary) => summary.chain === 'chain-a')?.broken).toBe(false);
    });

    it('lists the first break of each broken chain, earliest first', () => {
      const a = chain.slice();
      a[200] = edited(at(200));
      const b = other.slice();
      b[50] = edited(b[50] as DeliberateEvent);
      const result = verifyChain(interleave(a, b), options);
      expect(result.breaks.map(({ chain: id, seq }) => [id, seq])).toEqual([
        ['chain-b', 50],
        ['chain-a', 200],
      ]);
      expect(result.firstBreak).toMatchObject({ chain: 'chain-b', seq: 50 });
    });
  });
});

describe('createChainVerifier', () => {
  it('reaches the same verdict streaming as verifyChain on the whole array', () => {
    const variant = chain.slice();
    variant.splice(700, 1);
    const verifier = createChainVerifier(options);
    for (const event of variant) verifier.push(event);
    expect(verifier.result()).toEqual(verifyChain(variant, options));
  });

  it('returns the break from the push that proves it', () => {
    const verifier = createChainVerifier(options);
    const pushed = chain.slice(0, 10).map((event, i) => verifier.push(i === 4 ? edited(event) : event));
    expect(pushed.findIndex(Boolean)).toBe(4);
    expect(pushed[4]).toMatchObject({ kind: 'changed', seq: 4 });
  });

  it('can report a result in the middle of the stream and carry on', () => {
    const verifier = createChainVerifier(options);
    chain.slice(0, 10).forEach((event) => verifier.push(event));
    expect(verifier.result()).toMatchObject({ ok: true, events: 10 });
    chain.slice(10, 20).forEach((event) => verifier.push(event));
    expect(verifier.result()).toMatchObject({ ok: true, events: 20 });
  });

  it('reports a gap still open at the end of the stream as missing', () => {
    const verifier = createChainVerifier(options);
    [at(0), at(1), at(3)].forEach((event) => verifier.push(event));
    expect(verifier.result().firstBreak).toMatchObject({ kind: 'missing', seq: 2, index: 2 });
  });
});

describe('anchors and checkpoints', () => {
  const short = makeChain(20, 'chain-c');
  const other = makeChain(10, 'chain-d');
  const event = (events: readonly DeliberateEvent[], seq: number) => {
    const found = events[seq];
    if (!found) throw new Error(`no seq ${seq}`);
    return found;
  };
  const checkpointAt = (events: readonly DeliberateEvent[], seq: number) => ({
    chain: event(events, seq).chain,
    seq,
    hash: event(events, seq).hash,
    signedAt: `2025-01-0${(seq % 9) + 1}T00:00:00.000Z`,
  });
  /** Re-stamps a chain from `from` on with an edited event there: internally consistent. */
  function rehashedFrom(events: readonly DeliberateEvent[], from: number): DeliberateEvent[] {
    const out = events.slice(0, from);
    let prev = from === 0 ? null : event(events, from - 1).hash;
    for (let seq = from; seq < events.length; seq++) {
      const original = event(events, seq);
      const { hash: _hash, ...rest } = seq === from ? edited(original) : original;
      const next = { ...rest, prev } as DeliberateEvent;
      const restamped = { ...next, hash: hashEvent(next) } as DeliberateEvent;
      out.push(restamped);
      prev = restamped.hash;
    }
    return out;
  }

  it('verifies a slice that links to an anchor, or starts at one; without it, wrong-genesis', () => {
    const slice = short.slice(8);
    expect(verifyChain(slice).firstBreak).toMatchObject({ kind: 'wrong-genesis', chain: 'chain-c', seq: 8 });
    const linked = verifyChain(slice, {
      anchors: [{ chain: 'chain-c', seq: 7, hash: event(short, 7).hash }],
    });
    expect(linked.ok).toBe(true);
    expect(linked.chains[0]).toMatchObject({ chain: 'chain-c', events: 12, from: 8 });
    expect(verifyChain(slice, { anchors: [checkpointAt(short, 8)] }).ok).toBe(true);
    // An anchor of another chain, or a wrong hash, anchors nothing.
    expect(
      verifyChain(slice, { anchors: [{ chain: 'chain-d', seq: 7, hash: event(short, 7).hash }] }).ok,
    ).toBe(false);
    expect(verifyChain(slice, { anchors: [{ chain: 'chain-c', seq: 7, hash: 'f'.repeat(64) }] }).ok).toBe(
      false,
    );
    // A known head (`seq` = the next position) anchors a slice that continues after it.
    expect(verifyChain(slice, { heads: [{ id: 'chain-c', seq: 8, prev: event(short, 7).hash }] }).ok).toBe(
      true,
    );
  });

  it('accepts intact chains that end at their newest checkpoint, and counts what held', () => {
    const result = verifyChain([...short, ...other], {
      checkpoints: [checkpointAt(short, 5), checkpointAt(short, 19), checkpointAt(other, 9)],
    });
    expect(result.ok).toBe(true);
    expect(result.checkpoints).toEqual({ given: 3, held: 3, beforeSlice: 0, violations: [] });
  });

  it('reports a cut tail as truncated, naming the checkpoint and the first missing seq', () => {
    const checkpoint = checkpointAt(short, 19);
    const result = verifyChain(short.slice(0, 15), { checkpoints: [checkpointAt(short, 5), checkpoint] });
    expect(result.ok).toBe(false);
    expect(result.breaks).toEqual([]);
    expect(result.checkpoints?.violations).toEqual([
      expect.objectContaining({ kind: 'truncated', chain: 'chain-c', seq: 15, index: 15, checkpoint }),
    ]);
    expect(result.checkpoints?.held).toBe(1);
  });

  it('reports a correctly linked event appended after the newest checkpoint as unanchored-tail', () => {
    const checkpoint = checkpointAt(short, 19);
    const { event: appended } = stampEvent(makeDraft('decision.abandoned'), 'appended', {
      id: 'chain-c',
      seq: 20,
      prev: event(short, 19).hash,
    });
    const events = [...short, appended];
    expect(verifyChain(events).ok).toBe(true);
    const result = verifyChain(events, { checkpoints: [checkpoint] });
    expect(result.ok).toBe(false);
    expect(result.checkpoints?.violations).toEqual([
      expect.objectContaining({ kind: 'unanchored-tail', chain: 'chain-c', seq: 20, index: 20, checkpoint }),
    ]);
    // Knowingly accepted: still reported, but the verdict is ok.
    const allowed = verifyChain(events, { checkpoints: [checkpoint], allowUnanchoredTail: true });
    expect(allowed.ok).toBe(true);
    expect(allowed.checkpoints?.violations).toHaveLength(1);
  });

  it('reports a chain re-hashed from event i on at every checkpoint after i, wherever i is', () => {
    const checkpoints = [checkpointAt(short, 6), checkpointAt(short, 13), checkpointAt(short, 19)];
    for (let i = 0; i < short.length; i++) {
      const rehashed = rehashedFrom(short, i);
      expect(verifyChain(rehashed).ok).toBe(true);
      const result = verifyChain(rehashed, { checkpoints });
      const expected = checkpoints
        .filter((checkpoint) => checkpoint.seq >= i)
        .map((checkpoint) =>
          expect.objectContaining({
            kind: 'changed-at-checkpoint',
            seq: checkpoint.seq,
            index: checkpoint.seq,
            checkpoint,
          }),
        );
      expect(result.checkpoints?.violations).toEqual(expected);
      expect(result.ok).toBe(false);
    }
  });

  it('reports a replaced chain: changed under the same id, missing-chain and unanchored under another', () => {
    const checkpoint = checkpointAt(short, 19);
    const sameId = makeChain(25, 'chain-c').map((e) => ({ ...e })) as DeliberateEvent[];
    // A different first draft makes a different chain under the same id.
    const replaced = rehashedFrom(sameId, 0);
    const result = verifyChain(replaced, { checkpoints: [checkpoint] });
    expect(result.checkpoints?.violations.map((v) => [v.kind, v.seq, v.index])).toEqual([
      ['changed-at-checkpoint', 19, 19],
      ['unanchored-tail', 20, 20],
    ]);
    const renamed = verifyChain(other, { checkpoints: [checkpoint] });
    expect(
      renamed.checkpoints?.violations.map((v) => [v.kind, v.chain, v.seq, v.index, v.checkpoint]),
    ).toEqual([
      ['unanchored-tail', 'chain-d', 0, 0, null],
      ['missing-chain', 'chain-c', null, 10, checkpoint],
    ]);
  });

  it('verifies a slice that starts at a checkpoint and does not judge checkpoints before it', () => {
    const slice = short.slice(13);
    const result = verifyChain(slice, {
      checkpoints: [checkpointAt(short, 6), checkpointAt(short, 13), checkpointAt(short, 19)],
    });
    expect(result.ok).toBe(true);
    expect(result.checkpoints).toMatchObject({ held: 2, beforeSlice: 1, violations: [] });
  });

  it('reports a chain re-hashed past a known head as changed at the head', () => {
    const head = verifyChain(short.slice(0, 10)).chains[0]?.head;
    if (!head) throw new Error('no head');
    expect(verifyChain(short, { heads: [head] }).ok).toBe(true);
    expect(verifyChain(rehashedFrom(short, 4), { heads: [head] }).firstBreak).toMatchObject({
      kind: 'changed',
      chain: 'chain-c',
      seq: 9,
      index: 9,
    });
  });
});
