import {
  recommendedOption,
  type DecisionState,
  type Recommendation as RecommendationModel,
  type RecommendationIssue,
} from '@deliberate/core';
import type { UseConfidenceDisplayProps } from '../confidence/confidence-display.tsx';
import type { ConfidenceFormat } from '../decision/decision-provider.tsx';
import { formatNumber } from '../i18n/format.ts';
import type { Translator } from '../i18n/translator.ts';
import type { Locale } from '../messages/index.ts';

/*
 * What the `Recommendation` shows, as plain functions of the decision (no React): its view
 * state, its framing (a recommendation, or information when the confidence is low), the option
 * and confidence inputs, and the sentences for "why not shown" and for validation problems.
 */

/**
 * What the `Recommendation` shows, as its `data-state`:
 *
 * - `hidden` — @selector `[data-state="hidden"]`: there is a recommendation, but the plan does not
 *   show it yet (`after-judgement` before the judgement is committed; `immediate` for the moment
 *   before the first effect runs, e.g. in server-rendered HTML). Says why it is hidden.
 * - `available` — @selector `[data-state="available"]`: `on-request`; the "Show AI recommendation"
 *   button is there.
 * - `revealed` — @selector `[data-state="revealed"]`: the recommendation, its confidence and the
 *   model's identity are shown (and stay shown after the final decision).
 * - `unavailable` — @selector `[data-state="unavailable"]`: the AI is not shown, and the text says
 *   why: no-AI comparison arm, no recommendation, "decide without AI", AI stopped, or the decision
 *   ended without it.
 * - `invalid` — @selector `[data-state="invalid"]`: the recommendation failed validation; the
 *   problems are named and the person decides without AI.
 */
export type RecommendationViewState = 'hidden' | 'available' | 'revealed' | 'unavailable' | 'invalid';

/**
 * The view state for a decision. Pure; `Recommendation` renders it as `data-state`.
 *
 * @example
 * recommendationViewState(state, issues, allowed.reveal.allowed); // 'available'
 */
export function recommendationViewState(
  state: DecisionState,
  issues: readonly RecommendationIssue[],
  revealAllowed: boolean,
): RecommendationViewState {
  if (issues.length > 0) return 'invalid';
  if (state.status === 'ai-stopped' || state.status === 'without-ai' || state.recommendation === null) {
    return 'unavailable';
  }
  if (state.reveal !== undefined) return 'revealed';
  if (state.status === 'finalized' || state.status === 'abandoned') return 'unavailable';
  if (state.plan.reveal === 'on-request' && revealAllowed) return 'available';
  return 'hidden';
}

/**
 * `data-framing` of a revealed `Recommendation`: below the threshold (and without any confidence)
 * the output is framed as information, not as a recommendation.
 */
export type RecommendationFraming = 'recommendation' | 'information';

/** @example recommendationFraming(0.55, 0.66); // 'information' */
export function recommendationFraming(
  confidence: number | undefined,
  lowConfidenceThreshold: number,
): RecommendationFraming {
  return confidence === undefined || confidence < lowConfidenceThreshold ? 'information' : 'recommendation';
}

/** What the confidence display of a recommendation is given: an interval for numeric ones. */
export function confidenceInputs(
  rec: RecommendationModel,
  format: ConfidenceFormat,
): UseConfidenceDisplayProps & { format: ConfidenceFormat; calibrated: boolean } {
  const calibrated = rec.calibration?.calibrated === true;
  if (rec.kind === 'numeric') {
    return {
      confidence: rec.confidence,
      calibrated,
      format: 'interval',
      interval: rec.interval,
      value: rec.value,
      unit: rec.unit,
    };
  }
  return { confidence: rec.confidence, calibrated, format };
}

/** The recommended option as the model labels it, uncapped: `ModelText` or `modelString` cap it. */
export function optionText(rec: RecommendationModel, locale: Locale): string {
  if (rec.kind === 'numeric') {
    const options: Intl.NumberFormatOptions = Number.isInteger(rec.value)
      ? { maximumFractionDigits: 0 }
      : { minimumFractionDigits: 2, maximumFractionDigits: 2 };
    const value = formatNumber(rec.value, locale, options);
    return rec.unit ? `${value} ${rec.unit}` : value;
  }
  const option = recommendedOption(rec);
  if (!option) return rec.recommended;
  return option.labels?.[locale] ?? option.label;
}

/** An ISO date in the person's language, or `null` when it is not a date. */
export function formatDate(iso: string, locale: Locale): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  // Date-only ISO strings are UTC midnight; format in UTC so the day does not shift.
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** Why the AI is not shown, in the person's language. */
export function unavailableText(state: DecisionState, t: Translator['t']): string {
  if (state.status === 'ai-stopped') {
    const scope = state.stoppedBy?.scope === 'decision' ? 'decision' : 'procedure';
    return t(`recommendation.unavailable.stopped.${scope}`, { reason: state.stoppedBy?.reason ?? '' });
  }
  if (state.plan.arm === 'no-ai' || state.withoutAi?.cause === 'no-ai-arm')
    return t('recommendation.unavailable.noAiArm');
  if (state.withoutAi?.cause === 'recommendation-failed') return t('recommendation.unavailable.failed');
  if (state.withoutAi?.cause === 'recommendation-timeout') return t('recommendation.unavailable.timeout');
  if (state.recommendation === null || state.withoutAi?.cause === 'no-recommendation') {
    return t('recommendation.unavailable.noRecommendation');
  }
  if (state.status === 'without-ai') return t('recommendation.unavailable.chosen');
  return t('recommendation.unavailable.ended');
}

/** The plain-language sentence for an issue code; a code this version does not know gets the generic one. */
export function issueText(code: string, t: Translator['t']): string {
  const key = `recommendation.issue.${code}`;
  const text = t(key);
  return text === key ? t('recommendation.issue.invalid_value') : text;
}

/** One entry per kind of problem, in the order they first occur. */
export function issueCodes(issues: readonly RecommendationIssue[]): string[] {
  return [...new Set(issues.map((issue) => issue.code))];
}
