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
const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat>(
  Format: new (tag: string, options: object) => F,
  tag: string,
  options: object,
): F {
  const key = `${Format.name}|${tag}|${JSON.stringify(options)}`;
  let format = formats.get(key) as F | undefined;
  if (!format) {
    format = new Format(tag, options);
    formats.set(key, format);
  }
  return format;
}

const DEFAULT_NUMBER: Intl.NumberFormatOptions = { maximumFractionDigits: 2 };
const DEFAULT_SIGNED: Intl.NumberFormatOptions = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
/** Percentages by default and counts always: no decimals. */
const WHOLE: Intl.NumberFormatOptions = { maximumFractionDigits: 0 };

/** Decimals a tick step needs: 0.2 → 1, 0.05 → 2, 500 → 0 (d3-format's `precisionFixed`). */
function decimalsFor(step: number): number {
  return Math.max(0, -Number(step.toExponential().split('e')[1]));
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
  // Every number goes through here: "–" for non-finite values, a typographic minus for negative ones.
  const number = (value: number, options: Intl.NumberFormatOptions, extra?: Intl.NumberFormatOptions) =>
    Number.isFinite(value)
      ? cached(Intl.NumberFormat, tag, { ...options, signDisplay: 'negative', ...extra })
          .format(value)
          .replace(/-/g, MINUS_SIGN)
      : MISSING;
  return {
    locale,
    number: (value, options = DEFAULT_NUMBER) => number(value, options),
    signed: (value, options = DEFAULT_SIGNED) => number(value, options, { signDisplay: 'exceptZero' }),
    percent: (value, options = WHOLE) => number(value, options, { style: 'percent' }),
    integer: (value) => number(value, WHOLE),
    tick(value, step, style = 'number') {
      const safeStep = Number.isFinite(step) && step > 0 ? step : 1;
      const digits = Math.min(20, decimalsFor(style === 'percent' ? safeStep * 100 : safeStep));
      return number(value, {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
        style: style === 'percent' ? style : 'decimal',
      });
    },
    date: (value, options = { dateStyle: 'medium' }) =>
      Number.isNaN(value.getTime())
        ? MISSING
        : cached(Intl.DateTimeFormat, tag, { timeZone: 'UTC', ...options }).format(value),
  };
}
