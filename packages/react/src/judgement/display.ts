/*
 * How decisions, amounts and times read in the person's language. Shared by the judgement,
 * contrast, actions and justification families so that "Reject" and "412,50 €" read the same
 * wherever they appear.
 */
import type { DecisionOption, DecisionOptions, Recommendation } from '@deliberate/core';
import { formatNumber, numberFormat } from '../i18n/format.ts';
import { modelString } from '../utils/model-text.ts';

/** An option as the judgement and the actions offer it: an id and its label per locale (core's type). */
export type { DecisionOption };

/**
 * What a decision is made about: options to choose from, or an amount (with the procedure's unit,
 * range and step). The same type as core's `DecisionOptions`.
 */
export type DecisionShape = DecisionOptions;

/**
 * The label of an option in `locale`, falling back to its default label. Labels come from the
 * AI system: capped at `MODEL_TEXT_CAPS.label` characters (with "…"), bidi controls removed and
 * right-to-left text isolated, so that a label cannot reverse the sentence or button it is in.
 *
 * @example
 * optionLabel({ id: 'reject', label: 'Reject', labels: { de: 'Ablehnen' } }, 'de'); // 'Ablehnen'
 */
export function optionLabel(option: DecisionOption, locale: string): string {
  return modelString(option.labels?.[locale] ?? option.label, 'label');
}

/**
 * An amount with its unit: ISO currency codes through Intl's currency style, any other unit
 * appended. Whole numbers keep no decimals; others show two ("412,50 €").
 *
 * @example
 * formatAmount(412.5, 'de', 'EUR'); // '412,50 €'
 * formatAmount(412.5, 'en', '€ / month'); // '412.50 € / month'
 */
export function formatAmount(value: number, locale: string, unit?: string): string {
  const digits = Number.isInteger(value) ? 0 : 2;
  if (unit !== undefined && /^[A-Z]{3}$/.test(unit)) {
    try {
      return numberFormat(locale, {
        style: 'currency',
        currency: unit,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }).format(value);
    } catch {
      // Not a currency Intl knows: fall through to a number with the code after it.
    }
  }
  const number = formatNumber(value, locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  // The unit comes from the AI system: capped and isolated like a label.
  return unit ? `${number} ${modelString(unit, 'label')}` : number;
}

/**
 * The decision shape a recommendation implies, ranked lists in alphabetical order. The judgement
 * step does not use it: it shows the procedure's options (`judgementShape` in
 * `judgement-model.ts`), and only without them the recommendation's in a neutral order.
 *
 * @example
 * shapeOf(recommendation, 'de'); // { kind: 'choice', options: [...] }
 */
export function shapeOf(rec: Recommendation | null, locale: string): DecisionShape | null {
  if (rec === null) return null;
  if (rec.kind === 'numeric') return { kind: 'numeric', unit: rec.unit };
  const options = rec.options.map(({ id, label, labels }) => ({ id, label, labels }));
  if (rec.kind === 'ranked') {
    const collator = new Intl.Collator(locale);
    options.sort((a, b) => collator.compare(optionLabel(a, locale), optionLabel(b, locale)));
  }
  return { kind: 'choice', options };
}

/**
 * A judgement, recommendation or final decision as words: the option's label, or the amount.
 * Labels that are not among the options (a ranked override) are shown as typed.
 *
 * @example
 * describeDecision({ label: 'reject' }, shape, 'de'); // 'Ablehnen'
 */
export function describeDecision(
  value: { label?: string | undefined; value?: number | undefined },
  shape: DecisionShape | null,
  locale: string,
): string {
  if (value.value !== undefined) {
    return formatAmount(value.value, locale, shape?.kind === 'numeric' ? shape.unit : undefined);
  }
  if (value.label === undefined) return '';
  const option = shape?.kind === 'choice' ? shape.options.find((o) => o.id === value.label) : undefined;
  return option ? optionLabel(option, locale) : value.label;
}

/**
 * A clock time ("14:03") in the person's locale.
 *
 * @example
 * formatClockTime(Date.UTC(2026, 0, 1, 14, 3), 'de'); // '14:03' (in UTC)
 */
export function formatClockTime(epochMs: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(epochMs);
}

/**
 * The first characters of a commitment hash, enough for a person to compare it with a log.
 *
 * @example
 * shortCommitment('a3f9c2…'); // 'a3f9…'
 */
export function shortCommitment(commitment: string): string {
  return `${commitment.slice(0, 4)}…`;
}
