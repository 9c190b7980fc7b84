/*
 * Reading numbers as people type them. A German caseworker types "412,50" and may type
 * "1.234,50"; an English one "412.50" and "1,234.50". The parser is deliberately strict: a group
 * separator must be followed by exactly three digits, so "412.50" typed in German is rejected
 * (with a message) instead of being silently read as 41 250.
 */
import { numberFormat } from '../i18n/format.ts';

interface Separators {
  group: string;
  decimal: string;
}

const separatorCache = new Map<string, Separators>();

function separators(locale: string): Separators {
  let found = separatorCache.get(locale);
  if (!found) {
    const parts = numberFormat(locale).formatToParts(12345.6);
    found = {
      group: parts.find((part) => part.type === 'group')?.value ?? ',',
      decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
    };
    separatorCache.set(locale, found);
  }
  return found;
}

/** Spaces people (and Intl) put into numbers: space, no-break space, narrow no-break space, thin space. */
const SPACES = /[\s\u00a0\u202f\u2009]/g;

/**
 * Reads a number typed in `locale`'s style. Returns `undefined` for empty input and `null` for
 * input that is not a number in that style (so the UI can say so rather than guess).
 *
 * @example
 * parseLocaleNumber('412,50', 'de'); // 412.5
 * parseLocaleNumber('1.234,5', 'de'); // 1234.5
 * parseLocaleNumber('412.50', 'de'); // null — ambiguous in German
 * parseLocaleNumber('1,234.5', 'en'); // 1234.5
 */
export function parseLocaleNumber(text: string, locale: string): number | null | undefined {
  // A currency sign or unit typed along with the number is not part of it.
  const trimmed = text.replace(SPACES, '').replace(/[€$£%]/g, '');
  if (trimmed === '') return undefined;
  const { group, decimal } = separators(locale);
  const normalizedMinus = trimmed.replace(/^[\u2212-]/, '-');
  const negative = normalizedMinus.startsWith('-');
  const body = negative ? normalizedMinus.slice(1) : normalizedMinus;
  const [integerPart = '', fractionPart, ...rest] = body.split(decimal);
  if (rest.length > 0) return null;
  if (fractionPart !== undefined && !/^\d+$/.test(fractionPart)) return null;
  let integerDigits = integerPart;
  if (group !== '' && integerPart.includes(group)) {
    const groups = integerPart.split(group);
    const [first = '', ...others] = groups;
    if (!/^\d{1,3}$/.test(first) || !others.every((g) => /^\d{3}$/.test(g))) return null;
    integerDigits = groups.join('');
  }
  if (!/^\d*$/.test(integerDigits) || (integerDigits === '' && fractionPart === undefined)) return null;
  const value = Number(
    `${negative ? '-' : ''}${integerDigits || '0'}${fractionPart === undefined ? '' : `.${fractionPart}`}`,
  );
  return Number.isFinite(value) ? value : null;
}

/**
 * A number written the way `parseLocaleNumber` reads it back (no grouping), for prefilling an
 * input with a value the person typed before.
 *
 * @example
 * formatNumberForInput(412.5, 'de'); // '412,5'
 */
export function formatNumberForInput(value: number, locale: string): string {
  return numberFormat(locale, { useGrouping: false, maximumFractionDigits: 10 }).format(value);
}
