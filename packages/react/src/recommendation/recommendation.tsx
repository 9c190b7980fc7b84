import {
  formatIssuePath,
  recommendedOption,
  type DecisionState,
  type Recommendation as RecommendationModel,
  type RecommendationIssue,
  type RevealDisplay,
} from '@deliberate/core';
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type HTMLAttributes,
  type ReactNode,
} from 'react';
import { ConfidenceDisplay, type UseConfidenceDisplayProps } from '../confidence/confidence-display.tsx';
import { describeConfidence } from '../confidence/describe-confidence.ts';
import { useDecision, useDecisionContext, type ConfidenceFormat } from '../decision/decision-provider.tsx';
import { useSafeguard } from '../decision/safeguards.ts';
import { useI18n } from '../i18n/context.tsx';
import { formatNumber } from '../i18n/format.ts';
import type { Translator } from '../i18n/translator.ts';
import type { Locale } from '../messages/index.ts';
import { modelString } from '../utils/model-text.ts';
import { interpolate, ModelText } from '../utils/model-text-view.tsx';

/* -------------------------------------------------------------------------------------------------
 * View state
 * -----------------------------------------------------------------------------------------------*/

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

/* -------------------------------------------------------------------------------------------------
 * Helpers
 * -----------------------------------------------------------------------------------------------*/

/** What the confidence display of a recommendation is given: an interval for numeric ones. */
function confidenceInputs(
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
function optionText(rec: RecommendationModel, locale: Locale): string {
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

function formatDate(iso: string, locale: Locale): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  // Date-only ISO strings are UTC midnight; format in UTC so the day does not shift.
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** The model's name, id and version: model text, each isolated and capped inside our sentence. */
function modelText(rec: RecommendationModel, t: Translator['t']): ReactNode {
  const model = rec.model;
  if (!model) return t('recommendation.model.unknown');
  const vars = {
    name: <ModelText text={model.name} kind="name" />,
    id: <ModelText text={model.id} kind="name" />,
    version: <ModelText text={model.version} kind="name" />,
  };
  return interpolate(t(model.name ? 'recommendation.model.named' : 'recommendation.model.unnamed'), vars);
}

function calibrationText(rec: RecommendationModel, t: Translator['t'], locale: Locale): ReactNode {
  const calibration = rec.calibration;
  if (calibration?.calibrated !== true) return t('recommendation.calibration.no');
  const date = calibration.evaluatedAt ? formatDate(calibration.evaluatedAt, locale) : null;
  const text = date
    ? t('recommendation.calibration.checkedOn', { date })
    : t('recommendation.calibration.checked');
  return calibration.dataset
    ? interpolate(t('recommendation.calibration.dataset'), {
        text,
        dataset: <ModelText text={calibration.dataset} kind="name" />,
      })
    : text;
}

function unavailableText(state: DecisionState, t: Translator['t']): string {
  if (state.status === 'ai-stopped') {
    const scope = state.stoppedBy?.scope === 'decision' ? 'decision' : 'procedure';
    return t(`recommendation.unavailable.stopped.${scope}`, { reason: state.stoppedBy?.reason ?? '' });
  }
  if (state.plan.arm === 'no-ai' || state.withoutAi?.cause === 'no-ai-arm')
    return t('recommendation.unavailable.noAiArm');
  if (state.recommendation === null || state.withoutAi?.cause === 'no-recommendation') {
    return t('recommendation.unavailable.noRecommendation');
  }
  if (state.status === 'without-ai') return t('recommendation.unavailable.chosen');
  return t('recommendation.unavailable.ended');
}

const HEADINGS = { 2: 'h2', 3: 'h3', 4: 'h4', 5: 'h5', 6: 'h6' } as const;

/* -------------------------------------------------------------------------------------------------
 * Recommendation
 * -----------------------------------------------------------------------------------------------*/

export interface RecommendationProps extends Omit<HTMLAttributes<HTMLElement>, 'children'> {
  /**
   * Below this confidence (and when the AI gives none) the output is framed as information, not
   * as a recommendation: another heading, "the system leans towards" instead of "recommended",
   * and a sentence asking to treat it as one piece of information (PAIR: consider showing less
   * when confidence is low). 0.66 is the lower edge of the "likely" band.
   * @default 0.66
   */
  lowConfidenceThreshold?: number;
  /**
   * How the confidence of categorical, binary and ranked recommendations is shown. Numeric
   * recommendations always show their prediction interval.
   * @default the DecisionProvider's `confidenceFormat` ('verbal')
   */
  confidenceFormat?: ConfidenceFormat;
  /** The heading level, to fit the host page's outline. @default 2 */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  /**
   * Called after this component revealed the recommendation, with what was shown and whether the
   * person asked for it — the same `display` and `requested` as the `recommendation.revealed` event.
   */
  onReveal?: (details: { display: RevealDisplay; requested: boolean }) => void;
}

/**
 * The AI's recommendation, hidden until the friction plan allows it:
 *
 * - `immediate`: revealed on mount (if the decision allows it), `requested: false`;
 * - `on-request`: a "Show AI recommendation" button reveals it, `requested: true`; focus then
 *   moves to the recommendation's heading, because the button it was on is gone;
 * - `after-judgement`: revealed right after the person commits their own judgement,
 *   `requested: false`; focus stays where it is.
 *
 * Every reveal logs the confidence text exactly as shown (`describeConfidence` → `display`) and is
 * announced through a polite live region that is in the DOM from the first render (WCAG 4.1.3).
 * Shows the recommended option, the confidence, the model's name, id and version and the
 * calibration date. Low confidence is framed as information. An invalid recommendation is an
 * error state that names the problems and never shows a number. The section is a region named
 * by its heading; ids passed in `aria-labelledby` are put before the heading (e.g. a case name).
 * Renders on the server (no `window` or `document` outside effects). See
 * `RecommendationViewState` for `data-state`; `data-framing` is `recommendation` or `information`.
 *
 * @example
 * <DecisionProvider recommendation={rec} …>
 *   <Recommendation lowConfidenceThreshold={0.7} />
 * </DecisionProvider>
 */
export function Recommendation(props: RecommendationProps) {
  const {
    lowConfidenceThreshold = 0.66,
    confidenceFormat,
    headingLevel = 2,
    onReveal,
    className,
    'aria-labelledby': labelledBy,
    ...rest
  } = props;
  const { store } = useDecisionContext('Recommendation');
  const decision = useDecision('Recommendation');
  const { state, allowed, dispatch, recommendation: rec, issues, plan } = decision;
  const translator = useI18n();
  const { t } = translator;
  const locale = translator.locale as Locale;
  const id = useId();
  const headingId = `${id}-heading`;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusHeadingOnReveal = useRef(false);
  const Heading = HEADINGS[headingLevel];

  const view = recommendationViewState(state, issues, allowed.reveal.allowed);
  const format = confidenceFormat ?? decision.confidenceFormat;
  const inputs = useMemo(() => (rec ? confidenceInputs(rec, format) : null), [rec, format]);
  const description = useMemo(
    () => (inputs ? describeConfidence({ ...inputs, locale, translator }) : null),
    [inputs, locale, translator],
  );
  const confidence = rec?.confidence;
  // What this component really renders, for the safeguard manifest (reviewers' panel, audit).
  useSafeguard('recommendation', {
    revealMode: plan.reveal,
    liveRegion: true,
    requestedFormat: format,
    displayFormat: description?.format ?? null,
    calibrated: inputs?.calibrated ?? false,
    lowConfidenceThreshold,
    modelShown: true,
  });
  const framing =
    confidence === undefined || confidence < lowConfidenceThreshold ? 'information' : 'recommendation';

  // Whether the reveal happened before this component mounted: only a reveal the person is
  // present for is announced.
  const [revealedAtMount] = useState(() => store.getState().decision.reveal !== undefined);

  const onRevealRef = useRef(onReveal);
  useEffect(() => {
    onRevealRef.current = onReveal;
  });

  const reveal = useCallback(
    (requested: boolean) => {
      if (!description) return;
      const display: RevealDisplay = { format: description.format, text: description.text };
      const result = dispatch({ type: 'reveal', requested, display });
      if (result.ok) onRevealRef.current?.({ display, requested });
    },
    [description, dispatch],
  );

  // `immediate` on mount, `after-judgement` right after the commit: `allowed.reveal` turns true.
  useEffect(() => {
    if (view === 'hidden' && plan.reveal !== 'on-request' && allowed.reveal.allowed) reveal(false);
  }, [view, plan.reveal, allowed.reveal.allowed, reveal]);

  useEffect(() => {
    if (view === 'revealed' && focusHeadingOnReveal.current) {
      focusHeadingOnReveal.current = false;
      headingRef.current?.focus();
    }
  }, [view]);

  const option = rec ? optionText(rec, locale) : '';
  const announcement =
    view === 'revealed' && !revealedAtMount && description
      ? t(framing === 'information' ? 'recommendation.announce.information' : 'recommendation.announce', {
          // A string for the live region: capped, bidi controls removed, right-to-left text isolated.
          option: modelString(option, 'label'),
          confidence: description.text,
        })
      : '';

  let heading: string;
  let body: ReactNode;
  switch (view) {
    case 'invalid':
      heading = t('recommendation.heading.invalid');
      body = <InvalidBody issues={issues} t={t} />;
      break;
    case 'unavailable':
      heading = t('recommendation.heading.unavailable');
      body = <p className="dlb-recommendation__reason">{unavailableText(state, t)}</p>;
      break;
    case 'available':
      heading = t('recommendation.heading');
      body = (
        <>
          <p className="dlb-recommendation__reason">{t('recommendation.available')}</p>
          <button
            type="button"
            className="dlb-recommendation__reveal"
            onClick={() => {
              focusHeadingOnReveal.current = true;
              reveal(true);
            }}
          >
            {t('recommendation.reveal')}
          </button>
        </>
      );
      break;
    case 'hidden':
      heading = t('recommendation.heading');
      body = (
        <p className="dlb-recommendation__reason">
          {plan.reveal === 'after-judgement'
            ? t('recommendation.hidden.afterJudgement')
            : t('recommendation.hidden.immediate')}
        </p>
      );
      break;
    case 'revealed': {
      const information = framing === 'information';
      heading = t(information ? 'recommendation.heading.information' : 'recommendation.heading');
      const optionLabel =
        rec?.kind === 'numeric'
          ? t(information ? 'recommendation.estimate.leaning' : 'recommendation.estimate')
          : t(information ? 'recommendation.leaning' : 'recommendation.recommended');
      body =
        rec && inputs ? (
          <>
            {information ? (
              <p className="dlb-recommendation__caution">
                {t(confidence === undefined ? 'recommendation.caution.none' : 'recommendation.caution.low')}
              </p>
            ) : null}
            <p className="dlb-recommendation__option">
              <span className="dlb-recommendation__option-label">{optionLabel}</span>{' '}
              <strong className="dlb-recommendation__option-value">
                <ModelText text={option} kind="label" />
              </strong>
            </p>
            {rec.summary ? (
              <p className="dlb-recommendation__summary">
                <ModelText text={rec.summary} kind="summary" />
              </p>
            ) : null}
            <ConfidenceDisplay {...inputs} />
            <dl className="dlb-recommendation__model">
              <div>
                <dt>{t('recommendation.model.label')}</dt>
                <dd>{modelText(rec, t)}</dd>
              </div>
              <div>
                <dt>{t('recommendation.calibration.label')}</dt>
                <dd>{calibrationText(rec, t, locale)}</dd>
              </div>
            </dl>
          </>
        ) : null;
      break;
    }
  }

  return (
    <section
      {...rest}
      className={['dlb-recommendation', className].filter(Boolean).join(' ')}
      aria-labelledby={labelledBy ? `${labelledBy} ${headingId}` : headingId}
      data-state={view}
      data-framing={view === 'revealed' ? framing : undefined}
    >
      <Heading id={headingId} ref={headingRef} tabIndex={-1} className="dlb-recommendation__heading">
        {heading}
      </Heading>
      {body}
      {/* In the DOM from the first render, so that screen readers pick up its later content. */}
      <div role="status" aria-live="polite" aria-atomic="true" className="dlb-visually-hidden">
        {announcement}
      </div>
    </section>
  );
}
Recommendation.displayName = 'Recommendation';

/* -------------------------------------------------------------------------------------------------
 * Invalid recommendation
 * -----------------------------------------------------------------------------------------------*/

/** The plain-language sentence for an issue code; a code this version does not know gets the generic one. */
function issueText(code: string, t: Translator['t']): string {
  const key = `recommendation.issue.${code}`;
  const text = t(key);
  return text === key ? t('recommendation.issue.invalid_value') : text;
}

function InvalidBody({ issues, t }: { issues: readonly RecommendationIssue[]; t: Translator['t'] }) {
  // One plain sentence per kind of problem; every occurrence with its path for experts.
  const codes = [...new Set(issues.map((issue) => issue.code))];
  return (
    <>
      <div role="alert" className="dlb-recommendation__alert">
        <p>{t('recommendation.invalid.body')}</p>
        <ul className="dlb-recommendation__issues">
          {codes.map((code) => (
            <li key={code}>{issueText(code, t)}</li>
          ))}
        </ul>
      </div>
      <p className="dlb-recommendation__reason">{t('recommendation.invalid.decide')}</p>
      <details className="dlb-recommendation__details">
        <summary>{t('recommendation.invalid.details')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('recommendation.invalid.where')}</th>
              <th scope="col">{t('recommendation.invalid.code')}</th>
            </tr>
          </thead>
          <tbody>
            {issues.map((issue, index) => (
              <tr key={index}>
                <td>
                  <code>{formatIssuePath(issue.path)}</code>
                </td>
                <td>
                  <code>{issue.code}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
