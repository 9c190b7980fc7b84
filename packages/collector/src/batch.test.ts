import { describe, expect, it } from 'vitest';
import { createTokenChecker } from './auth.ts';
import { detectFormat, locateJsonError, MalformedJsonError, parseBatch, validateItems } from './batch.ts';
import { makeEvents } from './testing/events.ts';

describe('parseBatch', () => {
  it('reads a JSON array, and a single object as a batch of one', () => {
    expect(parseBatch('[{"a":1},{"b":2}]', 'json').items).toEqual([
      { index: 0, value: { a: 1 } },
      { index: 1, value: { b: 2 } },
    ]);
    expect(parseBatch('{"a":1}', 'json').items).toEqual([{ index: 0, value: { a: 1 } }]);
  });

  it('skips a byte order mark', () => {
    expect(parseBatch('\ufeff[{"a":1}]', 'json').items).toHaveLength(1);
    expect(parseBatch('\ufeff{"a":1}\n', 'ndjson').items).toHaveLength(1);
  });

  it('locates a JSON syntax error by line and column without echoing the body', () => {
    const body = '[\n  {"id": "a"},\n  {"id": "b" "c"}\n]';
    let error: unknown;
    try {
      parseBatch(body, 'json');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MalformedJsonError);
    expect(error).toMatchObject({ line: 3, column: 14, position: body.indexOf('"c"') });
    expect((error as Error).message).toBe(
      `malformed JSON at line 3, column 14 (offset ${body.indexOf('"c"')}): Expected ',' or '}' after property value`,
    );
  });

  it('reports a truncated body at its end', () => {
    expect(() => parseBatch('[{"id": "a"', 'json')).toThrow(
      /^malformed JSON at line 1, column 12 \(offset 11\): /,
    );
    expect(() => parseBatch('', 'json')).toThrow(
      /^malformed JSON at line 1, column 1 \(offset 0\): Unexpected end of JSON input$/,
    );
  });

  it('numbers NDJSON records by non-empty lines and keeps going after a bad line', () => {
    const parsed = parseBatch('{"a":1}\n\nnot json\n{"b":2}\n', 'ndjson');
    expect(parsed.items).toEqual([
      { index: 0, line: 1, value: { a: 1 } },
      { index: 2, line: 4, value: { b: 2 } },
    ]);
    expect(parsed.invalid).toEqual([
      { index: 1, kind: 'json', line: 3, errors: ["line 3, column 2: Unexpected token 'o'"] },
    ]);
  });
});

describe('locateJsonError', () => {
  it.each([
    ['[1, nul]', 7],
    ['{"a": tru }', 9],
    ['[1,2,3,4,5,6,7,8,9,10,11,12,13,14, x, 15]', 35],
    ['{"a" 1}', 5],
    ['{"a": 1,}', 8],
    ['[1] 2', 4],
    ['["\\x"]', 2],
    ['["tab\there"]', 5],
    ['['.repeat(100_000), 100_000],
  ])('finds the error in %j at offset %i', (text, offset) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(locateJsonError(text)).toBe(offset);
  });

  it('finds nothing wrong with valid JSON', () => {
    expect(locateJsonError('{"a": [1, -2.5e3, "x\\u00e9", true, false, null, {}]}')).toBe(-1);
  });
});

describe('detectFormat', () => {
  it('takes a leading [ as a JSON array and anything else as NDJSON', () => {
    expect(detectFormat('  \n[{}]')).toBe('json');
    expect(detectFormat('{}\n{}')).toBe('ndjson');
  });
});

describe('validateItems', () => {
  it('keeps valid events as sent and explains invalid ones', () => {
    const [event] = makeEvents(1);
    const { valid, invalid } = validateItems([
      { index: 0, value: event },
      { index: 1, value: { ...event, seq: 1.5, prev: 'abc', actor: {} } },
    ]);
    expect(valid).toEqual([{ index: 0, event }]);
    expect(valid[0]?.event).toBe(event);
    expect(invalid).toEqual([
      {
        index: 1,
        id: event?.id,
        kind: 'schema',
        errors: expect.arrayContaining([
          'actor.id: required (string)',
          'seq: expected int, got 1.5',
          'prev: expected 64 lowercase hex characters (a SHA-256), got "abc"',
        ]),
      },
    ]);
  });
});

describe('createTokenChecker', () => {
  const check = createTokenChecker(['first-token', 'second-token']);

  it('accepts any configured token, with the scheme in any case', () => {
    expect(check('Bearer first-token')).toBe('ok');
    expect(check('bearer second-token')).toBe('ok');
  });

  it('tells a missing token from a wrong one', () => {
    expect(check(undefined)).toBe('missing');
    expect(check('Basic Zmlyc3Q=')).toBe('missing');
    expect(check('Bearer ')).toBe('missing');
    expect(check('Bearer first-tokenX')).toBe('invalid');
    expect(check('Bearer f')).toBe('invalid');
  });

  it('refuses to be created without a usable token', () => {
    expect(() => createTokenChecker([])).toThrow(/at least one/);
    expect(() => createTokenChecker([''])).toThrow(/non-empty/);
  });
});
