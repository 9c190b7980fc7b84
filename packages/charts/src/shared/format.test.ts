import { describe, expect, it } from 'vitest';
import { createFormatter, MINUS_SIGN } from './format.ts';
import { fillTemplate, resolveMessages } from './messages.ts';

describe('createFormatter', () => {
  describe('in German', () => {
    const de = createFormatter('de');

    it('writes decimals with a comma', () => {
      expect(de.number(0.12)).toBe('0,12');
      expect(de.number(2400.5)).toBe('2.400,5');
    });

    it('writes percentages with a no-break space before the sign, as Intl does', () => {
      expect(de.percent(0.87)).toMatch(/^87[\u00a0\u202f]%$/);
      expect(de.percent(0.87)).toBe(new Intl.NumberFormat('de-DE', { style: 'percent' }).format(0.87));
    });

    it('signs contributions with plus and a typographic minus', () => {
      expect(de.signed(0.1234)).toBe('+0,12');
      expect(de.signed(-0.08)).toBe(`${MINUS_SIGN}0,08`);
    });

    it('gives no sign to values that round to zero', () => {
      expect(de.signed(0)).toBe('0,00');
      expect(de.signed(0.001)).toBe('0,00');
      expect(de.number(-0.0001)).toBe('0');
    });
  });

  describe('in English', () => {
    const en = createFormatter('en');

    it('writes decimals with a point and groups thousands with a comma', () => {
      expect(en.number(0.12)).toBe('0.12');
      expect(en.integer(1234)).toBe('1,234');
      expect(en.signed(-0.08)).toBe('−0.08');
    });

    it('writes percentages without a space', () => {
      expect(en.percent(0.87)).toBe('87%');
    });
  });

  it('shows a dash, never NaN or Infinity, for numbers that do not exist', () => {
    const de = createFormatter('de');
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(de.number(value)).toBe('–');
      expect(de.signed(value)).toBe('–');
      expect(de.percent(value)).toBe('–');
      expect(de.integer(value)).toBe('–');
      expect(de.tick(value, 0.1)).toBe('–');
    }
    expect(de.date(new Date('not a date'))).toBe('–');
  });

  it('gives axis ticks as many decimals as their step needs', () => {
    const en = createFormatter('en');
    expect([0, 0.2, 0.4].map((value) => en.tick(value, 0.2))).toEqual(['0.0', '0.2', '0.4']);
    expect(en.tick(0.25, 0.05, 'percent')).toBe('25%');
    expect(en.tick(2000, 500)).toBe('2,000');
  });

  it('formats dates in UTC so that a date string does not shift by a day', () => {
    expect(createFormatter('de').date(new Date('2025-03-01'))).toBe('01.03.2025');
    expect(createFormatter('en').date(new Date('2025-03-01'))).toBe('1 Mar 2025');
  });
});

describe('messages', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fillTemplate('{count} von {total}', { count: 8, total: 10 })).toBe('8 von 10');
    expect(fillTemplate('{count} of {totl}', { count: 8 })).toBe('8 of {totl}');
  });

  it('merges overrides over the locale, ignoring undefined ones', () => {
    const catalog = { de: { a: 'A', b: 'B' }, en: { a: 'a', b: 'b' } };
    expect(resolveMessages(catalog, 'en', { b: 'custom', a: undefined })).toEqual({ a: 'a', b: 'custom' });
  });
});
