import { describe, expect, it } from 'vitest';
import type { ConfidenceFormat } from '../decision/decision-provider.tsx';
import { en } from '../messages/en/index.ts';
import { registerCatalogue } from '../messages/index.ts';
import {
  confidenceFrequency,
  describeConfidence,
  roundConfidencePercent,
  verbalBand,
  type DescribeConfidenceInput,
} from './describe-confidence.ts';

/** Intl puts a no-break space between number and percent sign in German. */
const NBSP = '\u00a0';

const calibrated = (confidence: number | null | undefined, format: ConfidenceFormat, locale: 'de' | 'en') =>
  describeConfidence({ confidence, calibrated: true, format, locale });

// German is built in; English is registered as a host would (docs/architecture.md §1).
registerCatalogue(en);

const FORMATS: ConfidenceFormat[] = ['percent', 'frequency', 'verbal', 'icon-array', 'interval'];

describe('describeConfidence', () => {
  describe('percent', () => {
    it('rounds to the nearest 5 points in German style', () => {
      expect(calibrated(0.87, 'percent', 'de')).toMatchObject({ format: 'percent', text: `85${NBSP}%` });
      expect(calibrated(0.875, 'percent', 'de').text).toBe(`90${NBSP}%`);
    });

    it('writes English percentages without a space', () => {
      expect(calibrated(0.87, 'percent', 'en').text).toBe('85%');
    });

    it('rounds half-up without binary noise', () => {
      expect(roundConfidencePercent(0.825)).toEqual({ percent: 85, relation: 'about' });
      expect(roundConfidencePercent(0.07)).toEqual({ percent: 5, relation: 'about' });
      expect(roundConfidencePercent(0.024)).toEqual({ percent: 5, relation: 'below' });
    });

    it('never says 0 % or 100 %', () => {
      expect(calibrated(0, 'percent', 'de').text).toBe(`unter 5${NBSP}%`);
      expect(calibrated(0.02, 'percent', 'en').text).toBe('below 5%');
      expect(calibrated(1, 'percent', 'de').text).toBe(`über 95${NBSP}%`);
      expect(calibrated(0.975, 'percent', 'en').text).toBe('above 95%');
      expect(calibrated(0.974, 'percent', 'en').text).toBe('95%');
    });

    it('is a meter from 0 to 100 at the rounded value', () => {
      expect(calibrated(0.87, 'percent', 'de').meter).toEqual({ value: 85, min: 0, max: 100 });
      expect(calibrated(1, 'percent', 'de').meter).toEqual({ value: 95, min: 0, max: 100 });
    });
  });

  describe('frequency', () => {
    it('speaks of 10 similar cases, rounded to a whole case', () => {
      expect(calibrated(0.82, 'frequency', 'en')).toMatchObject({
        format: 'frequency',
        text: 'correct in about 8 of 10 similar cases',
        frequency: { count: 8, total: 10 },
        meter: { value: 8, min: 0, max: 10 },
      });
      expect(calibrated(0.85, 'frequency', 'de').text).toBe('in etwa 9 von 10 ähnlichen Fällen zutreffend');
    });

    it('never says 0 or 10 of 10', () => {
      expect(confidenceFrequency(0.04)).toEqual({ count: 1, total: 10, relation: 'below' });
      expect(calibrated(0, 'frequency', 'en').text).toBe('correct in fewer than 1 of 10 similar cases');
      expect(calibrated(0.95, 'frequency', 'de').text).toBe(
        'in mehr als 9 von 10 ähnlichen Fällen zutreffend',
      );
      expect(calibrated(1, 'frequency', 'en').frequency).toEqual({ count: 9, total: 10 });
    });
  });

  describe('icon-array', () => {
    it('uses the frequency text and tells the icons how many to fill', () => {
      expect(calibrated(0.82, 'icon-array', 'de')).toMatchObject({
        format: 'icon-array',
        text: 'in etwa 8 von 10 ähnlichen Fällen zutreffend',
        frequency: { count: 8, total: 10 },
      });
      expect(calibrated(0.31, 'icon-array', 'en').text).toBe('correct in about 3 of 10 similar cases');
    });
  });

  describe('verbal', () => {
    it.each([
      [0.95, 'very-likely', `sehr wahrscheinlich (90–100${NBSP}%)`, 'very likely (90–100%)'],
      [0.82, 'likely', `wahrscheinlich (66–90${NBSP}%)`, 'likely (66–90%)'],
      [
        0.5,
        'as-likely-as-not',
        `etwa so wahrscheinlich wie nicht (33–66${NBSP}%)`,
        'about as likely as not (33–66%)',
      ],
      [0.2, 'unlikely', `unwahrscheinlich (10–33${NBSP}%)`, 'unlikely (10–33%)'],
      [0.05, 'very-unlikely', `sehr unwahrscheinlich (0–10${NBSP}%)`, 'very unlikely (0–10%)'],
    ])('shows %s as its band with the numeric range', (confidence, band, de, en) => {
      expect(calibrated(confidence, 'verbal', 'de')).toMatchObject({ format: 'verbal', band, text: de });
      expect(calibrated(confidence, 'verbal', 'en')).toMatchObject({ format: 'verbal', band, text: en });
    });

    it('takes the band from the exact value at the boundaries', () => {
      expect(verbalBand(0.899)).toBe('likely');
      expect(verbalBand(0.9)).toBe('very-likely');
      expect(verbalBand(0.6599)).toBe('as-likely-as-not');
      expect(verbalBand(0.66)).toBe('likely');
      expect(verbalBand(0.33)).toBe('as-likely-as-not');
      expect(verbalBand(0.0999)).toBe('very-unlikely');
      expect(verbalBand(0.1)).toBe('unlikely');
      expect(verbalBand(0)).toBe('very-unlikely');
      expect(verbalBand(1)).toBe('very-likely');
    });

    it('is a meter over the five bands', () => {
      expect(calibrated(0.82, 'verbal', 'en').meter).toEqual({ value: 4, min: 1, max: 5 });
      expect(calibrated(0, 'verbal', 'en').meter).toEqual({ value: 1, min: 1, max: 5 });
      expect(calibrated(1, 'verbal', 'en').meter).toEqual({ value: 5, min: 1, max: 5 });
    });
  });

  describe('interval', () => {
    const numeric = (locale: 'de' | 'en', calibrated = true): DescribeConfidenceInput => ({
      confidence: 0.9,
      calibrated,
      format: 'interval',
      locale,
      value: 412.5,
      unit: '€',
      interval: { lo: 360, hi: 470, level: 0.9 },
    });

    it('shows value, level and range in German', () => {
      expect(describeConfidence(numeric('de'))).toMatchObject({
        format: 'interval',
        text: `412,50 € (Vorhersageintervall 90${NBSP}%: 360–470 €)`,
        meter: null,
        band: null,
      });
    });

    it('shows value, level and range in English', () => {
      expect(describeConfidence(numeric('en')).text).toBe('412.50 € (90% prediction interval: 360–470 €)');
    });

    it('writes whole amounts without decimals', () => {
      expect(
        describeConfidence({ ...numeric('de'), value: 1200, interval: { lo: 1000, hi: 1500, level: 0.8 } })
          .text,
      ).toBe(`1.200 € (Vorhersageintervall 80${NBSP}%: 1.000–1.500 €)`);
    });

    it('drops the nominal level of an uncalibrated interval and says so', () => {
      const description = describeConfidence(numeric('en', false));
      expect(description.text).toBe('412.50 € (range given by the system: 360–470 €; not calibrated)');
      expect(description.text).not.toMatch(/%/);
      expect(description.notice).toMatch(/^Not calibrated/);
    });

    it('falls back to verbal without an interval', () => {
      expect(calibrated(0.82, 'interval', 'en')).toMatchObject({ format: 'verbal', text: 'likely (66–90%)' });
    });
  });

  describe('uncalibrated confidence', () => {
    it.each(FORMATS)('is a verbal band with a notice when %s was asked for', (format) => {
      for (const locale of ['de', 'en'] as const) {
        const description = describeConfidence({ confidence: 0.82, calibrated: false, format, locale });
        expect(description.format).toBe('verbal');
        expect(description.calibrated).toBe(false);
        expect(description.meter).toBeNull();
        expect(description.notice).toBeTruthy();
      }
      expect(describeConfidence({ confidence: 0.82, calibrated: false, format, locale: 'de' }).text).toBe(
        `wahrscheinlich (66–90${NBSP}%); nicht kalibriert`,
      );
      expect(describeConfidence({ confidence: 0.82, calibrated: undefined, format, locale: 'en' }).text).toBe(
        'likely (66–90%); not calibrated',
      );
    });
  });

  describe('no confidence', () => {
    it.each([undefined, null, Number.NaN, -0.1, 1.2])('says the system gives none for %s', (confidence) => {
      expect(calibrated(confidence, 'percent', 'en')).toMatchObject({
        format: 'none',
        text: 'The system gives no confidence for this recommendation',
        band: null,
        meter: null,
      });
      expect(calibrated(confidence, 'verbal', 'de').text).toBe(
        'Das System gibt für diese Empfehlung keine Sicherheit an',
      );
    });
  });

  it.each(FORMATS)('gives the same valueText as text in %s', (format) => {
    for (const confidence of [0, 0.1, 0.5, 0.82, 0.9, 1, undefined]) {
      for (const calibrated of [true, false]) {
        const description = describeConfidence({ confidence, calibrated, format, locale: 'de' });
        expect(description.valueText).toBe(description.text);
      }
    }
  });

  it('uses message overrides', () => {
    const description = describeConfidence({
      confidence: 0.82,
      calibrated: true,
      format: 'verbal',
      locale: 'en',
      messages: { 'confidence.verbal.likely': 'probable' },
    });
    expect(description.text).toBe('probable (66–90%)');
  });
});
