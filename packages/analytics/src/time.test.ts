import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayString, monthKey, monthStart, parseTimestamp, weekStartDay } from './time.ts';

const instants = fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2200, 0, 1) });

describe('calendar arithmetic', () => {
  it('parses contract timestamps exactly like Date.parse', () => {
    fc.assert(
      fc.property(instants, (ms) => {
        expect(parseTimestamp(new Date(ms).toISOString())).toBe(ms);
      }),
    );
  });

  it('derives the UTC month and its first instant', () => {
    fc.assert(
      fc.property(instants, (ms) => {
        const iso = new Date(ms).toISOString();
        expect(monthKey(ms)).toBe(iso.slice(0, 7));
        expect(monthStart(monthKey(ms))).toBe(Date.parse(`${iso.slice(0, 7)}-01T00:00:00.000Z`));
      }),
    );
  });

  it('finds the Monday that starts the ISO week', () => {
    expect(dayString(weekStartDay(Date.parse('2025-03-05T12:00:00.000Z')))).toBe('2025-03-03');
    expect(dayString(weekStartDay(Date.parse('2025-03-09T23:59:59.999Z')))).toBe('2025-03-03');
    expect(dayString(weekStartDay(Date.parse('2025-03-10T00:00:00.000Z')))).toBe('2025-03-10');
    expect(dayString(weekStartDay(Date.parse('2021-01-01T00:00:00.000Z')))).toBe('2020-12-28');
  });
});
