import type { PredictionInterval } from '@deliberate/core';
import { formatPercentRange, numberFormat } from '../i18n/format.ts';
import type { ConfidenceFormat } from '../decision/decision-provider.tsx';
import { formatNumber, formatPercent } from '../i18n/format.ts';
import { createTranslator, type Translator } from '../i18n/translator.ts';
import { catalogueEntry, type Locale, type Messages } from '../messages/index.ts';

/*
 * How a confidence value becomes words and numbers. Pure and framework-free (it runs in Node
 * and in the reducer's tests), so that the text the `ConfidenceDisplay` renders, the text a
 * screen reader hears (`aria-valuetext`) and the text logged with `recommendation.revealed`
 * are the same string by construction.
 *
 * Rounding rules — no false precision (docs/research.md §2):
 *
 * - percent: rounded half-up to the nearest 5 percentage points. A value that rounds to 0 % is
 *   shown as "below 5 %", one that rounds to 100 % as "above 95 %": the display never claims
 *   certainty. So 0.87 → "85 %", 0.875 → "90 %", 0.02 → "below 5 %", 0.98 → "above 95 %".
 * - frequency and icon-array: of 10 similar cases, rounded half-up to a whole case
 *   (0.84 → "about 8 of 10"). 0 of 10 is shown as "fewer than 1 of 10", 10 of 10 as "more than
 *   9 of 10". The icon array fills as many icons as the text names (1 and 9 at the extremes).
 * - verbal: the band is chosen from the exact value, without rounding, and always shown with its
 *   range in the text (Wintle et al. 2019): ≥ 0.9 very likely (90–100 %), ≥ 0.66 likely
 *   (66–90 %), ≥ 0.33 about as likely as not (33–66 %), ≥ 0.1 unlikely (10–33 %), else very
 *   unlikely (0–10 %). So 0.899 is "likely", 0.9 "very likely".
 * - interval (numeric predictions): the value and the bounds with no decimals when they are
 *   whole numbers, else with two; the level as a whole percentage: "412,50 € (Vorhersageintervall
 *   90 %: 360–470 €)".
 * - Uncalibrated confidence (no calibration data, or `calibrated: false`) is always shown as its
 *   verbal band followed by "not calibrated", plus a notice, whatever format was asked for; an
 *   uncalibrated interval is shown without its nominal level. It is never shown as a bare number.
 * - No confidence (absent, not a finite number, or outside [0, 1]) is shown as "The system gives
 *   no confidence for this recommendation", never as 0 %.
 */

/* -------------------------------------------------------------------------------------------------
 * Bands and rounding
 * -----------------------------------------------------------------------------------------------*/

/** A verbal probability band. */
export type VerbalBand = 'very-likely' | 'likely' | 'as-likely-as-not' | 'unlikely' | 'very-unlikely';

/** The format a description actually used: a `ConfidenceFormat`, or `none` without a confidence. */
export type ConfidenceDisplayFormat = ConfidenceFormat | 'none';

interface BandDefinition {
  band: VerbalBand;
  /** Lower bound (inclusive) and upper bound of the band, as shares. */
  lo: number;
  hi: number;
  message: keyof Messages;
}

/**
 * The verbal bands, most likely first, with the ranges shown next to their words.
 *
 * @example
 * VERBAL_BANDS.find((b) => b.band === 'likely'); // { band: 'likely', lo: 0.66, hi: 0.9, … }
 */
export const VERBAL_BANDS: readonly Readonly<BandDefinition>[] = Object.freeze([
  { band: 'very-likely', lo: 0.9, hi: 1, message: 'confidence.verbal.veryLikely' },
  { band: 'likely', lo: 0.66, hi: 0.9, message: 'confidence.verbal.likely' },
  { band: 'as-likely-as-not', lo: 0.33, hi: 0.66, message: 'confidence.verbal.asLikelyAsNot' },
  { band: 'unlikely', lo: 0.1, hi: 0.33, message: 'confidence.verbal.unlikely' },
  { band: 'very-unlikely', lo: 0, hi: 0.1, message: 'confidence.verbal.veryUnlikely' },
] as const);

const VERY_UNLIKELY = VERBAL_BANDS[VERBAL_BANDS.length - 1] as BandDefinition;

function bandDefinition(confidence: number): BandDefinition {
  return VERBAL_BANDS.find((definition) => confidence >= definition.lo) ?? VERY_UNLIKELY;
}

/**
 * The verbal band of a confidence in [0, 1], from the exact value (no rounding).
 *
 * @example
 * verbalBand(0.899); // 'likely'
 * verbalBand(0.9); // 'very-likely'
 */
export function verbalBand(confidence: number): VerbalBand {
  return bandDefinition(confidence).band;
}

/** How a rounded value relates to the truth: about it, or below/above the shown bound. */
export type RoundingRelation = 'about' | 'below' | 'above';

/** Half-up rounding of `share × steps`, immune to binary noise such as 0.07 × 20 = 1.4000000000000001. */
function roundSteps(share: number, steps: number): number {
  return Math.floor(Number((share * steps).toFixed(9)) + 0.5);
}

/**
 * A confidence as a whole percentage rounded to 5 points, never 0 or 100.
 *
 * @example
 * roundConfidencePercent(0.87); // { percent: 85, relation: 'about' }
 * roundConfidencePercent(0.99); // { percent: 95, relation: 'above' }
 */
export function roundConfidencePercent(confidence: number): { percent: number; relation: RoundingRelation } {
  const percent = roundSteps(confidence, 20) * 5;
  if (percent <= 0) return { percent: 5, relation: 'below' };
  if (percent >= 100) return { percent: 95, relation: 'above' };
  return { percent, relation: 'about' };
}

/**
 * A confidence as a natural frequency "n of `total`", rounded to a whole case, never 0 or all.
 *
 * @example
 * confidenceFrequency(0.84); // { count: 8, total: 10, relation: 'about' }
 * confidenceFrequency(0.97); // { count: 9, total: 10, relation: 'above' }
 */
export function confidenceFrequency(
  confidence: number,
  total = 10,
): { count: number; total: number; relation: RoundingRelation } {
  const count = roundSteps(confidence, total);
  if (count <= 0) return { count: 1, total, relation: 'below' };
  if (count >= total) return { count: total - 1, total, relation: 'above' };
  return { count, total, relation: 'about' };
}

/* -------------------------------------------------------------------------------------------------
 * describeConfidence
 * -----------------------------------------------------------------------------------------------*/

export interface DescribeConfidenceInput {
  /** The AI's confidence in its recommendation, in [0, 1]; `null`/`undefined` when it gives none. */
  confidence: number | null | undefined;
  /**
   * Whether the confidence is calibrated (`recommendation.calibration?.calibrated`). Anything but
   * `true` counts as uncalibrated and is shown as a verbal band with a notice.
   */
  calibrated: boolean | null | undefined;
  /** The format asked for. Uncalibrated or missing confidence overrides it. */
  format: ConfidenceFormat;
  /**
   * The language of the text. German is built in; for another locale register its catalogue
   * first (`registerCatalogue`) or pass `translator`.
   */
  locale: Locale;
  /** For `interval`: the prediction interval of a numeric prediction. */
  interval?: PredictionInterval | undefined;
  /** For `interval`: the predicted value. */
  value?: number | undefined;
  /** For `interval`: the unit written after the value and the range, e.g. `€`. */
  unit?: string | undefined;
  /** Message overrides by key (as given to `DecisionProvider`/`I18nProvider`). */
  messages?: Partial<Messages> | undefined;
  /** A translator to use instead of `locale` + `messages` (components pass `useI18n()`). */
  translator?: Translator | undefined;
}

/** Meter semantics for assistive technology: only where a single number on a scale is honest. */
export interface ConfidenceMeterValue {
  value: number;
  min: number;
  max: number;
}

export interface ConfidenceDescription {
  /** The format actually used; log it with `text` as the reveal's `display`. */
  format: ConfidenceDisplayFormat;
  /** What is shown on screen, e.g. "wahrscheinlich (66–90 %)". */
  text: string;
  /** What a screen reader announces (`aria-valuetext`); always equal to `text`. */
  valueText: string;
  /** The verbal band of the confidence; `null` for intervals and when there is no confidence. */
  band: VerbalBand | null;
  /** Whether the confidence was treated as calibrated. */
  calibrated: boolean;
  /** The "not calibrated" notice shown with an uncalibrated confidence, else `null`. */
  notice: string | null;
  /**
   * `aria-valuenow/min/max` when the display is a meter: percent 0–100 (the rounded value), a
   * frequency 0–10 (the count shown), verbal 1–5 (the band's step). `null` for intervals,
   * uncalibrated and missing confidence, which are plain text, not measurements on a scale.
   */
  meter: ConfidenceMeterValue | null;
  /** For `frequency` and `icon-array`: the count and total shown. */
  frequency: { count: number; total: number } | null;
}

function isShare(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1;
}

function isUsableInterval(interval: PredictionInterval | undefined): interval is PredictionInterval {
  return (
    interval !== undefined &&
    Number.isFinite(interval.lo) &&
    Number.isFinite(interval.hi) &&
    interval.lo <= interval.hi &&
    isShare(interval.level) &&
    interval.level > 0 &&
    interval.level < 1
  );
}

/** Whole amounts without decimals, others with two (412 → "412", 412.5 → "412,50"). */
function amountOptions(...values: number[]): Intl.NumberFormatOptions {
  return values.every(Number.isInteger)
    ? { maximumFractionDigits: 0 }
    : { minimumFractionDigits: 2, maximumFractionDigits: 2 };
}

function withUnit(text: string, unit: string | undefined): string {
  return unit ? `${text} ${unit}` : text;
}

function amountRange(lo: number, hi: number, locale: Locale): string {
  return numberFormat(locale, amountOptions(lo, hi)).formatRange(lo, hi);
}

function bandText(t: Translator['t'], confidence: number, locale: Locale): string {
  const definition = bandDefinition(confidence);
  return t('confidence.verbal.text', {
    band: t(definition.message),
    range: formatPercentRange(definition.lo, definition.hi, locale),
  });
}

/** The registered messages of `locale`; German is built in, others need their catalogue. */
function registeredMessages(locale: Locale): Readonly<Record<string, string>> {
  const entry = catalogueEntry(locale);
  if (entry.status === 'ready') return entry.messages;
  throw new Error(
    `describeConfidence: no '${locale}' messages are registered. Call registerCatalogue(${locale}) ` +
      `with the catalogue from '@deliberate/react/locales/${locale}' first, or pass \`translator\`.`,
  );
}

/**
 * Describes a confidence for display, for screen readers and for the log. Pure; the same input
 * always gives the same text. The rounding rules are at the top of this file and in the docs:
 * percent to the nearest 5 points and never 0 % or 100 %; frequency of 10 rounded to a whole
 * case; verbal bands with their numeric range; uncalibrated confidence only as a verbal band with
 * a "not calibrated" notice; no confidence as a sentence saying so.
 *
 * @example
 * describeConfidence({ confidence: 0.82, calibrated: true, format: 'verbal', locale: 'de' }).text;
 * // 'wahrscheinlich (66–90 %)'
 * describeConfidence({ confidence: 0.82, calibrated: true, format: 'frequency', locale: 'en' }).text;
 * // 'correct in about 8 of 10 similar cases'
 * describeConfidence({ confidence: 0.9, calibrated: true, format: 'interval', locale: 'de',
 *   value: 412.5, unit: '€', interval: { lo: 360, hi: 470, level: 0.9 } }).text;
 * // '412,50 € (Vorhersageintervall 90 %: 360–470 €)'
 */
export function describeConfidence(input: DescribeConfidenceInput): ConfidenceDescription {
  const { locale, format } = input;
  const { t } =
    input.translator ??
    createTranslator(locale, { ...registeredMessages(locale), ...input.messages } as Record<string, string>);
  const calibrated = input.calibrated === true;
  const confidence = isShare(input.confidence) ? input.confidence : null;
  const notice = calibrated ? null : t('confidence.uncalibrated.notice');

  const result = (
    used: ConfidenceDisplayFormat,
    text: string,
    rest: Partial<Pick<ConfidenceDescription, 'band' | 'meter' | 'frequency'>> & {
      notice?: string | null;
    } = {},
  ): ConfidenceDescription => ({
    format: used,
    text,
    valueText: text,
    band: rest.band ?? null,
    calibrated,
    notice: rest.notice ?? null,
    meter: rest.meter ?? null,
    frequency: rest.frequency ?? null,
  });

  // A numeric prediction: the interval is its confidence display.
  if (
    format === 'interval' &&
    isUsableInterval(input.interval) &&
    typeof input.value === 'number' &&
    Number.isFinite(input.value)
  ) {
    const { lo, hi, level } = input.interval;
    const value = withUnit(formatNumber(input.value, locale, amountOptions(input.value)), input.unit);
    const range = withUnit(amountRange(lo, hi, locale), input.unit);
    if (!calibrated)
      return result('interval', t('confidence.interval.uncalibrated', { value, range }), { notice });
    return result(
      'interval',
      t('confidence.interval.text', { value, level: formatPercent(level, locale), range }),
    );
  }

  if (confidence === null) return result('none', t('confidence.none'));

  const band = verbalBand(confidence);
  if (!calibrated) {
    return result('verbal', t('confidence.uncalibrated.text', { band: bandText(t, confidence, locale) }), {
      band,
      notice,
    });
  }

  switch (format) {
    case 'percent': {
      const { percent, relation } = roundConfidencePercent(confidence);
      const shown = formatPercent(percent / 100, locale);
      const text = relation === 'about' ? shown : t(`confidence.percent.${relation}`, { percent: shown });
      return result('percent', text, { band, meter: { value: percent, min: 0, max: 100 } });
    }
    case 'frequency':
    case 'icon-array': {
      const { count, total, relation } = confidenceFrequency(confidence);
      const text = t(`confidence.frequency.${relation}`, {
        count: formatNumber(count, locale),
        total: formatNumber(total, locale),
      });
      return result(format, text, {
        band,
        meter: { value: count, min: 0, max: total },
        frequency: { count, total },
      });
    }
    case 'verbal':
    case 'interval':
    default: {
      // `interval` without a usable interval (an option-based recommendation) falls back to verbal.
      const step = VERBAL_BANDS.length - VERBAL_BANDS.findIndex((definition) => definition.band === band);
      return result('verbal', bandText(t, confidence, locale), {
        band,
        meter: { value: step, min: 1, max: VERBAL_BANDS.length },
      });
    }
  }
}
