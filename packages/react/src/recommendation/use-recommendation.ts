import type {
  Recommendation as RecommendationModel,
  RecommendationIssue,
  RevealDisplay,
} from '@deliberate/core';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import { describeConfidence, type ConfidenceDescription } from '../confidence/describe-confidence.ts';
import { useDecision, useDecisionContext, type ConfidenceFormat } from '../decision/decision-provider.tsx';
import { useSafeguard } from '../decision/safeguards.ts';
import { useI18n } from '../i18n/context.tsx';
import type { Locale } from '../messages/index.ts';
import { modelString } from '../utils/model-text.ts';
import {
  confidenceInputs,
  optionText,
  recommendationFraming,
  recommendationViewState,
  type RecommendationFraming,
  type RecommendationViewState,
} from './recommendation-model.ts';

export interface UseRecommendationProps {
  /**
   * Below this confidence (and when the AI gives none) the output is framed as information, not
   * as a recommendation: another heading, "the system leans towards" instead of "recommended",
   * and a sentence asking to treat it as one piece of information (PAIR: consider showing less
   * when confidence is low). 0.66 is the lower edge of the "likely" band.
   * @default 0.66
   */
  lowConfidenceThreshold?: number | undefined;
  /**
   * How the confidence of categorical, binary and ranked recommendations is shown. Numeric
   * recommendations always show their prediction interval.
   * @default the DecisionProvider's `confidenceFormat` ('verbal')
   */
  confidenceFormat?: ConfidenceFormat | undefined;
  /**
   * Called after this component revealed the recommendation, with what was shown and whether the
   * person asked for it — the same `display` and `requested` as the `recommendation.revealed` event.
   */
  onReveal?: ((details: { display: RevealDisplay; requested: boolean }) => void) | undefined;
}

export interface UseRecommendationResult {
  /** The `data-state`: see `RecommendationViewState`. */
  view: RecommendationViewState;
  /** The `data-framing` once revealed. */
  framing: RecommendationFraming;
  /** The validated recommendation, or `null`. */
  recommendation: RecommendationModel | null;
  /** Validation problems; the view is `invalid` when there are any. */
  issues: readonly RecommendationIssue[];
  /** What the confidence display is given (`ConfidenceDisplay {...confidence}`), or `null`. */
  confidence: ReturnType<typeof confidenceInputs> | null;
  /** The confidence exactly as shown and logged, or `null`. */
  description: ConfidenceDescription | null;
  /** The recommended option (or estimate) as the model labels it, uncapped: render it with `ModelText`. */
  option: string;
  /** What the live region says now: the reveal, when the person was present for it. */
  announcement: string;
  /** Reveals on request (`requested: true`) and moves focus to the heading, as the button is gone. */
  requestReveal(): void;
  /** For the root: named by the heading (after ids the host passes), `data-state`, `data-framing`. */
  rootProps: {
    'aria-labelledby': string;
    'data-state': RecommendationViewState;
    'data-framing': RecommendationFraming | undefined;
  };
  /** For the heading: the root's name, and where focus goes after a requested reveal. */
  headingProps: { id: string; ref: RefObject<HTMLHeadingElement | null>; tabIndex: -1 };
  /** For the "Show AI recommendation" button (view `available`). */
  revealButtonProps: { type: 'button'; onClick(): void };
  /** For the polite live region, in the DOM from the first render (WCAG 4.1.3). */
  statusProps: { role: 'status'; 'aria-live': 'polite'; 'aria-atomic': true };
}

/**
 * The `Recommendation`'s behaviour without its look: when it is revealed (`immediate` on mount,
 * `after-judgement` right after the commit, `on-request` through `requestReveal`), what is logged
 * as shown (`describeConfidence` → `display`), what is announced, where focus goes, and the
 * framing. Declares the recommendation's safeguards.
 *
 * @example
 * const r = useRecommendation({ lowConfidenceThreshold: 0.7 });
 * <section {...r.rootProps}><h2 {...r.headingProps}>AI</h2>
 *   {r.view === 'available' ? <button {...r.revealButtonProps}>Show</button> : null}
 *   <div {...r.statusProps}>{r.announcement}</div></section>
 */
export function useRecommendation(props: UseRecommendationProps = {}): UseRecommendationResult {
  const { lowConfidenceThreshold = 0.66, confidenceFormat, onReveal } = props;
  const { store } = useDecisionContext('Recommendation');
  const decision = useDecision('Recommendation');
  const { state, allowed, dispatch, recommendation: rec, issues, plan } = decision;
  const translator = useI18n();
  const { t } = translator;
  const locale = translator.locale as Locale;
  const headingId = `${useId()}-heading`;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusHeadingOnReveal = useRef(false);

  const view = recommendationViewState(state, issues, allowed.reveal.allowed);
  const format = confidenceFormat ?? decision.confidenceFormat;
  const inputs = useMemo(() => (rec ? confidenceInputs(rec, format) : null), [rec, format]);
  const description = useMemo(
    () => (inputs ? describeConfidence({ ...inputs, locale, translator }) : null),
    [inputs, locale, translator],
  );
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
  const framing = recommendationFraming(rec?.confidence, lowConfidenceThreshold);

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

  const requestReveal = () => {
    focusHeadingOnReveal.current = true;
    reveal(true);
  };

  const option = rec ? optionText(rec, locale) : '';
  const announcement =
    view === 'revealed' && !revealedAtMount && description
      ? t(framing === 'information' ? 'recommendation.announce.information' : 'recommendation.announce', {
          // A string for the live region: capped, bidi controls removed, right-to-left text isolated.
          option: modelString(option, 'label'),
          confidence: description.text,
        })
      : '';

  return {
    view,
    framing,
    recommendation: rec,
    issues,
    confidence: inputs,
    description,
    option,
    announcement,
    requestReveal,
    rootProps: {
      'aria-labelledby': headingId,
      'data-state': view,
      'data-framing': view === 'revealed' ? framing : undefined,
    },
    headingProps: { id: headingId, ref: headingRef, tabIndex: -1 },
    revealButtonProps: { type: 'button', onClick: requestReveal },
    statusProps: { role: 'status', 'aria-live': 'polite', 'aria-atomic': true },
  };
}
