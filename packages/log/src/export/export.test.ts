import { describe, expect, it } from 'vitest';
import { verifyChain } from '../chain.ts';
import { makeChain } from '../testing/drafts.ts';
import { CSV_COLUMNS, csvCell, toCsv } from './csv.ts';
import { parseJsonl, toJsonl } from './jsonl.ts';

/** A small RFC 4180 reader, to check the writer against. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  return rows;
}

describe('toJsonl / parseJsonl', () => {
  const events = makeChain(5);

  it('round-trips events exactly, so their chain still verifies', () => {
    const text = toJsonl(events);
    expect(text.split('\n')).toHaveLength(6);
    expect(text.endsWith('\n')).toBe(true);
    const parsed = parseJsonl(text);
    expect(parsed).toEqual({ events, malformed: [] });
    expect(verifyChain(parsed.events).ok).toBe(true);
  });

  it('reports the line numbers of lines that are not events, skipping blank lines', () => {
    const lines = toJsonl(events).split('\n');
    const text = [lines[0], '', '{"not": "an event"}', lines[1], '{broken json', '[1,2]', lines[2]].join(
      '\r\n',
    );
    const parsed = parseJsonl(`\uFEFF${text}`);
    expect(parsed.events).toEqual(events.slice(0, 3));
    expect(parsed.malformed).toEqual([3, 5, 6]);
  });

  it('checks only JSON syntax when validation is off', () => {
    expect(parseJsonl('{"a":1}\n', { validate: false })).toEqual({ events: [{ a: 1 }], malformed: [] });
  });
});

describe('toCsv', () => {
  const events = makeChain(3);

  it('writes a header and one row per event with the flattened columns', () => {
    const rows = readCsv(toCsv(events));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(4);
    const record = Object.fromEntries(CSV_COLUMNS.map((column, i) => [column, rows[1]?.[i]]));
    expect(record).toMatchObject({
      id: events[0]?.id,
      type: 'decision.opened',
      caseRef: 'case-2024-0117',
      actorId: 'actor-jane.doe',
      actorRole: 'caseworker',
      modelId: 'eligibility-gbm',
      seq: '0',
      prev: '',
      hash: events[0]?.hash,
    });
    expect(JSON.parse(record.data ?? '')).toEqual(events[0]?.data);
  });

  it('quotes cells with commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(undefined)).toBe('');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(readCsv(`${csvCell(`${start}SUM(A1:A9)`)}\r\n`)[0]?.[0]).toBe(`'${start}SUM(A1:A9)`);
    }
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell(-1)).toBe('-1');
  });

  it('defuses a formula planted in an event field', () => {
    const [event] = makeChain(1);
    const planted = { ...event!, procedure: '=cmd|"/c calc"!A1' };
    const cells = readCsv(toCsv([planted]))[1];
    expect(cells?.[CSV_COLUMNS.indexOf('procedure')]).toBe('\'=cmd|"/c calc"!A1');
  });
});
