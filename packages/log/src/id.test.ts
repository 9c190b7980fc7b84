import { referenceCanonicalize } from '@deliberate/core/internal';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { v7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { formatUuidv7, uuidv7, uuidv7FromBytes } from './id.ts';
import { makeChain } from './testing/drafts.ts';

describe('event hashes', () => {
  it('stamps each event with SHA-256 over the reference canonical JSON of the rest (docs/contracts.md §3.1)', () => {
    for (const event of makeChain(50)) {
      const { hash: _hash, ...rest } = event;
      expect(bytesToHex(sha256(utf8ToBytes(referenceCanonicalize(rest))))).toBe(event.hash);
    }
  });
});

describe('uuidv7', () => {
  it('makes unique, well-formed v7 ids that sort in creation order', () => {
    const ids = Array.from({ length: 5000 }, () => uuidv7());
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('stays monotonic when the clock stands still or steps back', () => {
    const t = Date.UTC(2030, 0, 1);
    const ids = [uuidv7(t), uuidv7(t), uuidv7(t), uuidv7(t - 5_000), uuidv7(t + 1)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    // The time prefix is the clock's (48 bits of milliseconds).
    expect(Number.parseInt(ids[0]?.replace(/-/g, '').slice(0, 12) ?? '', 16)).toBe(t);
  });
});

describe('formatUuidv7', () => {
  it('writes exactly what uuid’s v7() writes for the same time, counter and random bytes', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        fc.integer({ min: 0, max: 2 ** 48 - 1 }),
        fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
        (random, msecs, seq) => {
          expect(formatUuidv7(random, msecs, seq)).toBe(v7({ random, msecs, seq }));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('uuidv7FromBytes', () => {
  it('writes what uuid’s v7() writes for the same time and random bytes (counter from bytes 6–9)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        fc.integer({ min: 0, max: 2 ** 48 - 1 }),
        (random, msecs) => {
          expect(uuidv7FromBytes(random, msecs)).toBe(v7({ random, msecs }));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('gives the same id for the same bytes and time: a seeded source gives reproducible ids', () => {
    const bytes = Uint8Array.from({ length: 16 }, (_, i) => i * 17);
    const t = Date.UTC(2025, 0, 6);
    expect(uuidv7FromBytes(bytes, t)).toBe(uuidv7FromBytes(bytes, t));
    expect(uuidv7FromBytes(new Uint8Array(16), t)).toBe('019438e9-4800-7000-8000-000000000000');
  });
});
