import { describe, expect, it } from 'vitest';
import { checkEventLimits, EVENT_LIMITS } from './limits.ts';
import { CHECKPOINT_SCHEMA, publicKeyId, signingInput } from '../evidence/checkpoint.ts';

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 1; i < depth; i++) value = { x: value };
  return value;
}

describe('checkEventLimits', () => {
  it('accepts an ordinary event and counts its JSON bytes exactly', () => {
    const event = { id: 'e-1', data: { note: 'Prüfung ✓ 😀', list: [1, true, null, 'x'] } };
    const result = checkEventLimits(event);
    expect(result).toEqual({ ok: true, bytes: new TextEncoder().encode(JSON.stringify(event)).length });
  });

  it('refuses nesting beyond the limit, naming the path, without overflowing the stack', () => {
    expect(checkEventLimits(nested(EVENT_LIMITS.maxDepth)).ok).toBe(true);
    const deep = checkEventLimits({ data: nested(4100) });
    expect(deep.ok).toBe(false);
    if (deep.ok) return;
    expect(deep.code).toBe('too-deep');
    expect(deep.path.slice(0, 2)).toEqual(['data', 'x']);
    expect(deep.message).toMatch(/nested deeper than 32 levels/);
  });

  it('refuses a lone surrogate in a value or a key, naming where', () => {
    const value = checkEventLimits({ data: { notes: ['ok', 'bad \uD800 text'] } });
    expect(value).toMatchObject({ ok: false, code: 'invalid-string', path: ['data', 'notes', 1] });
    const key = checkEventLimits({ data: { ['\uDC00']: 1 } });
    expect(key).toMatchObject({ ok: false, code: 'invalid-string', path: ['data', '\uDC00'] });
    expect(checkEventLimits({ data: { pair: '😀' } }).ok).toBe(true);
  });

  it('refuses an event larger than the byte limit', () => {
    const big = checkEventLimits({ data: { text: 'a'.repeat(EVENT_LIMITS.maxBytes) } });
    expect(big).toMatchObject({ ok: false, code: 'too-large', path: [] });
  });

  it('refuses values without a JSON form, and cycles as too deep', () => {
    expect(checkEventLimits({ n: Number.NaN })).toMatchObject({ ok: false, code: 'not-json', path: ['n'] });
    expect(checkEventLimits({ f: () => 1 })).toMatchObject({ ok: false, code: 'not-json', path: ['f'] });
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(checkEventLimits(cycle)).toMatchObject({ ok: false, code: 'too-deep' });
    const shared = { a: 1 };
    expect(checkEventLimits({ x: shared, y: shared }).ok).toBe(true);
  });
});

describe('checkpoint signing input', () => {
  it('is the canonical JSON of the statement without its signature', () => {
    const statement = {
      schema: CHECKPOINT_SCHEMA,
      signedAt: '2026-12-07T10:00:00.000Z',
      seq: 3,
      hash: 'ab',
      chain: 'c',
      keyId: 'k',
    } as const;
    const withSignature = { ...statement, signature: 'sig' };
    const text = new TextDecoder().decode(signingInput(withSignature));
    expect(text).toBe(
      '{"chain":"c","hash":"ab","keyId":"k","schema":"deliberate.checkpoint/1","seq":3,"signedAt":"2026-12-07T10:00:00.000Z"}',
    );
    expect(signingInput(statement)).toEqual(signingInput(withSignature));
  });

  it('names a public key by its SHA-256 and refuses keys of the wrong length', () => {
    expect(publicKeyId(new Uint8Array(32))).toBe('66687aadf862bd77');
    expect(() => publicKeyId(new Uint8Array(31))).toThrow(/32 raw bytes/);
  });
});

describe('checkEventLimits paths', () => {
  it('names the full path when a key repeats at several levels', () => {
    expect(checkEventLimits({ a: { a: { a: 'x\uDBFF' } } })).toMatchObject({
      ok: false,
      path: ['a', 'a', 'a'],
    });
    expect(checkEventLimits({ a: { a: { ['\uD800']: 1 } } })).toMatchObject({
      ok: false,
      path: ['a', 'a', '\uD800'],
    });
  });

  it('counts bytes exactly as JSON.stringify writes them, escapes and undefined included', () => {
    const value = { q: 'a"b\\c\n\u0001é€😀', u: undefined, list: [undefined, 1.5e-7, -0, false] };
    expect(checkEventLimits(value)).toEqual({
      ok: true,
      bytes: new TextEncoder().encode(JSON.stringify(value)).length,
    });
  });
});
