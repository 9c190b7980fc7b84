import type { DecisionState, FrictionPlan } from '@deliberate/core';
import { formatNumber, formatSeconds } from '../i18n/format.ts';
import type { Translator } from '../i18n/translator.ts';
import {
  describeDecision,
  formatAmount,
  formatClockTime,
  shortCommitment,
  type DecisionShape,
} from './display.ts';
import type { AmountConstraints, DecisionProblem, JudgementAvailability } from './judgement-model.ts';
import { ownConfidenceStep, type OwnConfidenceStep } from './own-confidence.ts';

/*
 * The independent judgement's model in the person's language: the codes of `judgement-model.ts`
 * mapped to the messages of `messages/<locale>/judgement.ts`. No rule is decided here.
 */

type T = Translator['t'];

/** An amount of the procedure's range or step, with its unit, never rounded. */
function formatBound(value: number, locale: string, unit: string | undefined): string {
  const cents = value * 100;
  if (Math.abs(cents - Math.round(cents)) < 1e-9) return formatAmount(value, locale, unit);
  const number = formatNumber(value, locale, { maximumFractionDigits: 10 });
  return unit === undefined ? number : `${number} ${unit}`;
}

/**
 * The procedure's range and step in words ("Allowed: 0 € to 2,000 €. In steps of 0.01 €."), or
 * `null` without constraints. These numbers are the procedure's, not the AI's: the person needs
 * them to enter a valid amount, unlike a sample amount, which would only anchor the estimate.
 *
 * @example
 * amountConstraintText({ unit: 'EUR', min: 0, max: 2000 }, t, 'en'); // 'Allowed: €0 to €2,000.'
 */
export function amountConstraintText(
  constraints: AmountConstraints | null,
  t: T,
  locale: string,
): string | null {
  if (constraints === null) return null;
  const { unit, min, max, step } = constraints;
  const parts: string[] = [];
  const vars = {
    min: min === undefined ? '' : formatBound(min, locale, unit),
    max: max === undefined ? '' : formatBound(max, locale, unit),
  };
  if (min !== undefined && max !== undefined) parts.push(t('judgement.amount.range', vars));
  else if (min !== undefined) parts.push(t('judgement.amount.min', vars));
  else if (max !== undefined) parts.push(t('judgement.amount.max', vars));
  if (step !== undefined) parts.push(t('judgement.amount.step', { step: formatBound(step, locale, unit) }));
  return parts.length === 0 ? null : parts.join(' ');
}

/**
 * The message for a problem with the decision field.
 *
 * @example
 * decisionProblemText('amount-range', { min: 0, max: 2000, unit: 'EUR' }, t, 'en'); // 'Enter an amount from €0 to €2,000.'
 */
export function decisionProblemText(
  problem: DecisionProblem,
  constraints: AmountConstraints | null,
  t: T,
  locale: string,
): string {
  const unit = constraints?.unit;
  const min = constraints?.min;
  const max = constraints?.max;
  switch (problem) {
    case 'choice-missing':
      return t('judgement.error.decision');
    case 'amount-missing':
      return t('judgement.error.amountMissing');
    case 'amount-invalid':
      return t('judgement.error.amountInvalid');
    case 'amount-range': {
      const vars = {
        min: min === undefined ? '' : formatBound(min, locale, unit),
        max: max === undefined ? '' : formatBound(max, locale, unit),
      };
      if (min !== undefined && max !== undefined) return t('judgement.error.amountRange', vars);
      if (min !== undefined) return t('judgement.error.amountMin', vars);
      if (max !== undefined) return t('judgement.error.amountMax', vars);
      return t('judgement.error.refused');
    }
    case 'amount-step':
      return constraints?.step === undefined
        ? t('judgement.error.refused')
        : t('judgement.error.amountStep', { step: formatBound(constraints.step, locale, unit) });
    case 'refused':
      return t('judgement.error.refused');
  }
}

/**
 * Why no judgement can be entered, or `null` while it can (or is committed).
 *
 * @example
 * unavailableText('no-options', t); // 'The procedure has given no options for this decision, …'
 */
export function unavailableText(availability: JudgementAvailability, t: T): string | null {
  switch (availability) {
    case 'locked':
      return t('judgement.locked');
    case 'ended':
      return t('judgement.ended');
    case 'skipped':
      return t('judgement.skipped');
    case 'no-options':
      return t('judgement.unavailable');
    case 'awaiting-options':
      return t('judgement.awaitingOptions');
    case 'editable':
    case 'committed':
      return null;
  }
}

/**
 * The plan's minimum own-assessment time as the person's own time, or `null` without one.
 *
 * @example
 * timeHintText(plan, 12_000, t, 'en'); // 'Take at least 20 seconds for your own assessment — 12 seconds left.'
 */
export function timeHintText(
  plan: Pick<FrictionPlan, 'minOwnTimeMs'>,
  remainingMs: number,
  t: T,
  locale: string,
): string | null {
  if (plan.minOwnTimeMs <= 0) return null;
  const min = formatSeconds(plan.minOwnTimeMs, locale);
  return remainingMs > 0
    ? t('judgement.time.running', { min, left: formatSeconds(remainingMs, locale) })
    : t('judgement.time.done', { min });
}

/** The recorded judgement as the summary shows it. */
export interface CommittedSummary {
  text: string;
  confidence: OwnConfidenceStep | undefined;
  rationale: string | undefined;
  /** The confirmed checklist items' labels. */
  checklist: string[];
  time: string;
  commitment: string;
  shortCommitment: string;
}

/**
 * The committed judgement in the person's language: the decision, the own confidence step, the
 * confirmed checklist items, the time and the shortened commitment.
 *
 * @example
 * committedSummary(state.judgement, plan, shape, 'en').shortCommitment; // 'a3f9…'
 */
export function committedSummary(
  record: NonNullable<DecisionState['judgement']>,
  plan: Pick<FrictionPlan, 'checklist'>,
  shape: DecisionShape | null,
  locale: string,
): CommittedSummary {
  const labels = new Map(plan.checklist.map((item) => [item.id, item.label[locale] ?? item.label.en]));
  return {
    text: describeDecision(record.judgement, shape, locale),
    confidence: ownConfidenceStep(record.judgement.confidence),
    rationale: record.rationale,
    checklist: (record.checklist ?? []).map((id) => labels.get(id) ?? id),
    time: formatClockTime(record.committedAt, locale),
    commitment: record.commitment,
    shortCommitment: shortCommitment(record.commitment),
  };
}
