import { precisionFixed } from 'd3-format';

/** The languages the charts speak. Numbers, dates and every visible string follow it. */
export type ChartLocale = 'de' | 'en';

/**
 * BCP 47 tags used for `Intl`. English uses en-GB: day-month-year dates and the conventions of
 * European public bodies; numbers are identical to en-US.
 */
export const LOCALE_TAGS: Record<ChartLocale, string> = { de: 'de-DE', en: 'en-GB' };

/** U+2212, the typographic minus sign: "−0,08" is read as negative, "-0,08" is often read as a dash. */
export const MINUS_SIGN = '\u2212';

/** Shown instead of a number that does not exist (empty bin, n = 0) — never "NaN". */
export const MISSING = '–';

export interface ChartFormatter {
  readonly locale: ChartLocale;
  /** A plain number, e.g. "2.400,5" (de) / "2,400.5" (en). */
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** A number with an explicit sign unless it rounds to zero: "+0,12", "−0,08", "0,00". */
  signed(value: number, options?: Intl.NumberFormatOptions): string;
  /** A share of 1 as percent: 0.87 → "87 %" (de, no-break space) / "87%" (en). */
  percent(value: number, options?: Intl.NumberFormatOptions): string;
  /** A count: 1234 → "1.234" (de) / "1,234" (en). */
  integer(value: number): string;
  /** An axis tick: as many decimals as the tick step needs, so ticks line up ("0,0 0,2 0,4"). */
  tick(value: number, step: number, style?: 'number' | 'percent'): string;
  /** A date or time; UTC unless `options.timeZone` says otherwise. */
  date(value: Date, options?: Intl.DateTimeFormatOptions): string;
}

// Creating an Intl formatter costs far more than using one; charts format hundreds of labels.
// Keyed first by the caller's options object (usually a module constant, so lookups skip
// JSON.stringify), then by locale and variant.
const numberFormats = new Map<string, Intl.NumberFormat>();
const byOptions = new WeakMap<Intl.NumberFormatOptions, Map<string, Intl.NumberFormat>>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

type Variant = 'number' | 'signed' | 'percent' | 'integer' | 'tick';

function cachedFormat(
  tag: string,
  variant: Variant,
  options: Intl.NumberFormatOptions,
  extra: Intl.NumberFormatOptions,
): Intl.NumberFormat {
  let perObject = byOptions.get(options);
  if (!perObject) {
    perObject = new Map();
    byOptions.set(options, perObject);
  }
  const key = `${tag}|${variant}`;
  let format = perObject.get(key);
  if (!format) {
    format = numberFormat(tag, { ...options, ...extra });
    perObject.set(key, format);
  }
  return format;
}

function numberFormat(tag: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${tag}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(tag, options);
    numberFormats.set(key, format);
  }
  return format;
}

const DEFAULT_NUMBER: Intl.NumberFormatOptions = { maximumFractionDigits: 2 };
const DEFAULT_SIGNED: Intl.NumberFormatOptions = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
const DEFAULT_PERCENT: Intl.NumberFormatOptions = { maximumFractionDigits: 0 };
const INTEGER: Intl.NumberFormatOptions = { maximumFractionDigits: 0 };

function dateFormat(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${tag}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(tag, options);
    dateFormats.set(key, format);
  }
  return format;
}

function withMinus(text: string): string {
  return text.replace(/-/g, MINUS_SIGN);
}

/**
 * Locale-aware number and date formatting for the charts, on `Intl` so that output matches what
 * the platform shows elsewhere (German "87 %" with a no-break space, decimal comma). Non-finite
 * numbers become "–".
 *
 * @example
 * createFormatter('de').signed(0.1234); // "+0,12"
 * createFormatter('en').percent(0.87); // "87%"
 */
export function createFormatter(locale: ChartLocale): ChartFormatter {
  const tag = LOCALE_TAGS[locale];
  return {
    locale,
    number(value, options = DEFAULT_NUMBER) {
      if (!Number.isFinite(value)) return MISSING;
      return withMinus(cachedFormat(tag, 'number', options, { signDisplay: 'negative' }).format(value));
    },
    signed(value, options = DEFAULT_SIGNED) {
      if (!Number.isFinite(value)) return MISSING;
      return withMinus(cachedFormat(tag, 'signed', options, { signDisplay: 'exceptZero' }).format(value));
    },
    percent(value, options = DEFAULT_PERCENT) {
      if (!Number.isFinite(value)) return MISSING;
      return withMinus(
        cachedFormat(tag, 'percent', options, { style: 'percent', signDisplay: 'negative' }).format(value),
      );
    },
    integer(value) {
      if (!Number.isFinite(value)) return MISSING;
      return withMinus(cachedFormat(tag, 'integer', INTEGER, { signDisplay: 'negative' }).format(value));
    },
    tick(value, step, style = 'number') {
      if (!Number.isFinite(value)) return MISSING;
      const safeStep = Number.isFinite(step) && step > 0 ? step : 1;
      const digits = Math.min(20, precisionFixed(style === 'percent' ? safeStep * 100 : safeStep));
      const options: Intl.NumberFormatOptions = {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
        signDisplay: 'negative',
      };
      if (style === 'percent') options.style = 'percent';
      return withMinus(numberFormat(tag, options).format(value));
    },
    date(value, options = { dateStyle: 'medium' }) {
      if (Number.isNaN(value.getTime())) return MISSING;
      return dateFormat(tag, { timeZone: 'UTC', ...options }).format(value);
    },
  };
}
