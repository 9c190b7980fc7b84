/*
 * Numbers reach people only through Intl, so that German readers see "87 %" and "0,5" and
 * English readers "87%" and "0.5". Formatters are cached per locale because constructing
 * Intl objects is comparatively expensive and decision screens render many numbers.
 */

const cache = new Map<string, Intl.NumberFormat>();

/**
 * A cached `Intl.NumberFormat`. Use it instead of `new Intl.NumberFormat` in render paths.
 *
 * @example
 * numberFormat('de', { style: 'percent' }).format(0.87); // "87 %"
 */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

/**
 * A share in [0, 1] as a percentage in the locale's style.
 *
 * @example
 * formatPercent(0.87, 'de'); // "87 %"
 * formatPercent(0.87, 'en'); // "87%"
 */
export function formatPercent(share: number, locale: string, maximumFractionDigits = 0): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits }).format(share);
}

/**
 * A plain number in the locale's style.
 *
 * @example
 * formatNumber(1234.5, 'de'); // "1.234,5"
 */
export function formatNumber(value: number, locale: string, options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(locale, { maximumFractionDigits: 2, ...options }).format(value);
}

/**
 * A percentage range with the percent sign once, after the range, as style guides in both
 * languages write it (Intl's `formatRange` repeats the sign: "66% – 90%").
 *
 * @example
 * formatPercentRange(0.66, 0.9, 'de'); // "66–90 %"
 * formatPercentRange(0.66, 0.9, 'en'); // "66–90%"
 */
export function formatPercentRange(lo: number, hi: number, locale: string): string {
  const number = numberFormat(locale, { maximumFractionDigits: 0 });
  const parts = numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).formatToParts(hi);
  const range = `${number.format(Math.round(lo * 100))}–${number.format(Math.round(hi * 100))}`;
  let replaced = false;
  return parts
    .map((part) => {
      if (part.type !== 'integer' && part.type !== 'group') return part.value;
      if (replaced) return '';
      replaced = true;
      return range;
    })
    .join('');
}

/**
 * A duration in whole seconds, in the locale's words.
 *
 * @example
 * formatSeconds(20_000, 'de'); // "20 Sek."
 */
export function formatSeconds(ms: number, locale: string): string {
  return numberFormat(locale, {
    style: 'unit',
    unit: 'second',
    unitDisplay: 'long',
    maximumFractionDigits: 0,
  }).format(Math.ceil(ms / 1000));
}
