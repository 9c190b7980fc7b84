import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHmacSha256Hex, createPortableHmacSha256Hex } from './hmac.ts';

// RFC 4231, test cases 1 and 2.
const VECTORS = [
  {
    key: new Uint8Array(20).fill(0x0b),
    text: 'Hi There',
    mac: 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
  },
  {
    key: new TextEncoder().encode('Jefe'),
    text: 'what do ya want for nothing?',
    mac: '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
  },
];

describe('HMAC-SHA-256', () => {
  it('computes the published values, natively and portably', () => {
    for (const { key, text, mac } of VECTORS) {
      expect(createHmacSha256Hex(key)(text)).toBe(mac);
      expect(createPortableHmacSha256Hex(key)(text)).toBe(mac);
    }
  });

  it('gives the same value natively and portably, call after call with one keyed state', () => {
    const key = new Uint8Array(32).fill(5);
    const native = createHmacSha256Hex(key);
    const portable = createPortableHmacSha256Hex(key);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (text) => {
        expect(native(text)).toBe(portable(text));
      }),
      { numRuns: 300 },
    );
  });
});
