import { describe, expect, it } from 'vitest';
import { formatNumberForInput, parseLocaleNumber } from './number.ts';

describe('parseLocaleNumber', () => {
  it.each([
    ['412,50', 'de', 412.5],
    ['1.234,5', 'de', 1234.5],
    ['1234', 'de', 1234],
    [' 412,50 € ', 'de', 412.5],
    ['-12,5', 'de', -12.5],
    [',5', 'de', 0.5],
    ['412.50', 'en', 412.5],
    ['1,234.5', 'en', 1234.5],
    ['1,234,567', 'en', 1234567],
  ])('reads %s in %s as %d', (text, locale, expected) => {
    expect(parseLocaleNumber(text, locale)).toBe(expected);
  });

  it.each([
    ['412.50', 'de'],
    ['1.23', 'de'],
    ['12,34,5', 'de'],
    ['abc', 'de'],
    ['412,50', 'en'],
    ['1,2', 'en'],
    ['-', 'en'],
  ])('rejects %s in %s instead of guessing', (text, locale) => {
    expect(parseLocaleNumber(text, locale)).toBeNull();
  });

  it('treats empty input as no number', () => {
    expect(parseLocaleNumber('  ', 'de')).toBeUndefined();
  });

  it('writes numbers back the way it reads them', () => {
    expect(formatNumberForInput(1234.5, 'de')).toBe('1234,5');
    expect(parseLocaleNumber(formatNumberForInput(1234.5, 'de'), 'de')).toBe(1234.5);
  });
});
