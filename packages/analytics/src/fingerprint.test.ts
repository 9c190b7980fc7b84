import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FingerprintIndex,
  FingerprintSet,
  fingerprint,
  fingerprintHi,
  fingerprintLo,
} from './fingerprint.ts';

function key(text: string): [number, number] {
  fingerprint(text);
  return [fingerprintHi(), fingerprintLo()];
}

describe('FingerprintSet', () => {
  it('behaves like a Set of strings, across growth', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { maxLength: 400 }), (texts) => {
        const set = new FingerprintSet(16);
        const reference = new Set<string>();
        for (const text of texts) {
          const [hi, lo] = key(text);
          expect(set.add(hi, lo)).toBe(!reference.has(text));
          reference.add(text);
        }
        expect(set.size).toBe(reference.size);
      }),
    );
  });

  it('keeps 100 000 UUID-like ids apart at 8 bytes per slot', () => {
    const set = new FingerprintSet();
    let added = 0;
    for (let i = 0; i < 100_000; i++) {
      const [hi, lo] = key(`0190a1b2-c3d4-7e5f-8a9b-${String(i).padStart(12, '0')}`);
      if (set.add(hi, lo)) added++;
    }
    expect(added).toBe(100_000);
    expect(set.size).toBe(100_000);
    expect(set.bytes).toBeLessThanOrEqual(262_144 * 8);
  });
});

describe('FingerprintIndex', () => {
  it('hands out dense indices in order of first appearance', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 8 }), { maxLength: 300 }), (texts) => {
        const index = new FingerprintIndex(16);
        const reference = new Map<string, number>();
        for (const text of texts) {
          if (!reference.has(text)) reference.set(text, reference.size);
          const [hi, lo] = key(text);
          expect(index.indexOf(hi, lo)).toBe(reference.get(text));
        }
      }),
    );
  });
});
