import { forwardRef, type HTMLAttributes, type ReactNode } from 'react';
import { useDecision } from '../decision/decision-provider.tsx';
import { useI18n } from '../i18n/context.tsx';
import type { Locale } from '../messages/index.ts';
import { cx } from '../utils/class-names.ts';
import { Heading } from '../utils/heading.tsx';
import { mergeProps } from '../utils/merge-props.ts';
import { unavailableText } from './recommendation-model.ts';
import { InvalidBody, RevealedBody } from './recommendation-views.tsx';
import { useRecommendation, type UseRecommendationProps } from './use-recommendation.ts';

/*
 * Where things live: the view state, framing and texts as plain functions in
 * `recommendation-model.ts`; the behaviour (reveal, logging what is shown, announcement, focus)
 * in `use-recommendation.ts`; the bodies with model text in `recommendation-views.tsx`. This
 * module renders the section and keeps the public names in one place.
 */

export {
  recommendationFraming,
  recommendationViewState,
  type RecommendationFraming,
  type RecommendationViewState,
} from './recommendation-model.ts';
export {
  useRecommendation,
  type UseRecommendationProps,
  type UseRecommendationResult,
} from './use-recommendation.ts';

export interface RecommendationProps
  extends UseRecommendationProps, Omit<HTMLAttributes<HTMLElement>, 'children'> {
  /** The heading level, to fit the host page's outline. @default 2 */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
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
 * Behaviour without this look: `useRecommendation`.
 *
 * @example
 * <DecisionProvider recommendation={rec} …>
 *   <Recommendation lowConfidenceThreshold={0.7} />
 * </DecisionProvider>
 */
export const Recommendation = forwardRef<HTMLElement, RecommendationProps>(
  function Recommendation(props, ref) {
    const {
      lowConfidenceThreshold,
      confidenceFormat,
      headingLevel = 2,
      onReveal,
      className,
      ...rest
    } = props;
    const r = useRecommendation({ lowConfidenceThreshold, confidenceFormat, onReveal });
    const translator = useI18n();
    const { t } = translator;
    const locale = translator.locale as Locale;
    const { state, plan } = useDecision('Recommendation');

    let heading: string;
    let body: ReactNode;
    switch (r.view) {
      case 'invalid':
        heading = t('recommendation.heading.invalid');
        body = <InvalidBody issues={r.issues} t={t} />;
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
            <button {...r.revealButtonProps} className="dlb-recommendation__reveal">
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
      case 'revealed':
        heading = t(
          r.framing === 'information' ? 'recommendation.heading.information' : 'recommendation.heading',
        );
        body = <RevealedBody r={r} t={t} locale={locale} />;
        break;
    }

    return (
      <section {...mergeProps(rest, r.rootProps)} ref={ref} className={cx('dlb-recommendation', className)}>
        <Heading level={headingLevel} {...r.headingProps} className="dlb-recommendation__heading">
          {heading}
        </Heading>
        {body}
        {/* In the DOM from the first render, so that screen readers pick up its later content. */}
        <div {...r.statusProps} className="dlb-visually-hidden">
          {r.announcement}
        </div>
      </section>
    );
  },
);
Recommendation.displayName = 'Recommendation';
