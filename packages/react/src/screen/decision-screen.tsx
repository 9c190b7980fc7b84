import { useId, type HTMLAttributes, type ReactNode } from 'react';
import { FinalizeStep, type FinalizeStepProps } from '../actions/finalize-step.tsx';
import { useDecision } from '../decision/decision-provider.tsx';
import { DeliberateErrorBoundary } from '../decision/error-boundary.tsx';
import { useSafeguard } from '../decision/safeguards.ts';
import { useI18n } from '../i18n/context.tsx';
import { IndependentJudgement, type IndependentJudgementProps } from '../judgement/independent-judgement.tsx';
import { OversightControls, type OversightControlsProps } from '../oversight/oversight-controls.tsx';
import { Recommendation, type RecommendationProps } from '../recommendation/recommendation.tsx';

/* -------------------------------------------------------------------------------------------------
 * LoggingAlert
 * -----------------------------------------------------------------------------------------------*/

/**
 * A blocking warning while the logger refuses events (e.g. a full outbox): the decision record is
 * incomplete, and the person should know before going on. Renders nothing while logging works.
 *
 * @example
 * <DecisionProvider logger={logger} …><LoggingAlert /><DecisionScreen /></DecisionProvider>
 */
export function LoggingAlert() {
  const { logError, retryLogging } = useDecision('LoggingAlert');
  const { t } = useI18n();
  if (!logError) return null;
  return (
    <div className="dlb-logging-alert" role="alert" data-state="failing">
      <p className="dlb-logging-alert__title">{t('screen.logError.title')}</p>
      <p>{t('screen.logError.body')}</p>
      <p className="dlb-logging-alert__detail">
        {t('screen.logError.detail', { message: logError.message })}
      </p>
      <button type="button" className="dlb-button" onClick={retryLogging}>
        {t('screen.logError.retry')}
      </button>
    </div>
  );
}
LoggingAlert.displayName = 'LoggingAlert';

/* -------------------------------------------------------------------------------------------------
 * DecisionScreen
 * -----------------------------------------------------------------------------------------------*/

export interface DecisionScreenProps extends Omit<HTMLAttributes<HTMLElement>, 'children'> {
  /**
   * Whether the person records their own judgement first. `auto` shows the step when the plan
   * reveals the AI only after the judgement, or only on request (so a person can form a view
   * before asking); `always` and `never` force it. @default 'auto'
   */
  judgement?: 'auto' | 'always' | 'never';
  /** Heading level of the screen's sections, to fit the host page's outline. @default 2 */
  headingLevel?: 2 | 3 | 4;
  /** Explanation panels (see `ExplanationPanel`), shown under the recommendation once revealed. */
  explanation?: ReactNode;
  /** Props for the judgement step. */
  judgementProps?: Omit<IndependentJudgementProps, 'children'>;
  /** Props for the recommendation. */
  recommendationProps?: Omit<RecommendationProps, 'headingLevel'>;
  /** Props for the finalize step (contrast, justification, actions). */
  finalizeProps?: Omit<FinalizeStepProps, 'children'>;
  /** Props for the oversight controls (decide without AI, stop the AI, automation-bias notice). */
  oversightProps?: OversightControlsProps;
}

type Heading = 'h2' | 'h3' | 'h4';

/**
 * The default decision screen, for a five-minute integration: oversight controls, the person's
 * own judgement, the AI's recommendation (revealed as the plan allows), and the finalize step
 * with contrast, justification and actions. Each part is guarded by an error boundary, so a
 * failure shows a readable fallback and is logged, and never takes the host page down. The parts
 * are exported for custom layouts.
 *
 * `data-state` on the root is the protocol status (`opened`, `judging`, `committed`, `revealed`,
 * `without-ai`, `ai-stopped`, `finalized`, `abandoned`); `data-reveal` is the plan's reveal mode.
 *
 * @example
 * <DecisionProvider recommendation={rec} decisionId="d-1" procedure="housing-benefit.eligibility"
 *   caseRef="c-9f2" actor={{ id: 'a-17', role: 'caseworker' }} stakes="high" logger={logger}>
 *   <DecisionScreen />
 * </DecisionProvider>
 */
export function DecisionScreen({
  judgement = 'auto',
  headingLevel = 2,
  explanation,
  judgementProps,
  recommendationProps,
  finalizeProps,
  oversightProps,
  className,
  ...rest
}: DecisionScreenProps) {
  const { state, plan } = useDecision('DecisionScreen');
  const { t, locale } = useI18n();
  const titleId = useId();
  const H = `h${headingLevel}` as Heading;
  const sub = Math.min(headingLevel + 1, 6) as 3 | 4 | 5;
  const showJudgement =
    judgement === 'always' ||
    (judgement === 'auto' && (plan.reveal === 'after-judgement' || plan.reveal === 'on-request'));
  const revealed = state.reveal !== undefined;
  useSafeguard('screen', {
    accountabilityStatement: true,
    judgementStep: showJudgement,
    explanationSlot: explanation !== undefined && explanation !== null,
  });

  return (
    <section
      {...rest}
      className={['dlb-root', 'dlb-screen', className].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      lang={locale}
      data-state={state.status}
      data-reveal={plan.reveal}
    >
      <header className="dlb-screen__header">
        <H id={titleId} className="dlb-screen__title">
          {t('screen.label', { caseRef: state.caseRef })}
        </H>
        <p className="dlb-screen__accountability">{t('screen.decidedBy')}</p>
        <DeliberateErrorBoundary component="OversightControls">
          <OversightControls {...oversightProps} />
        </DeliberateErrorBoundary>
      </header>
      <LoggingAlert />
      <div className="dlb-screen__columns">
        {showJudgement ? (
          <div className="dlb-screen__column" data-part="judgement">
            <DeliberateErrorBoundary component="IndependentJudgement">
              <IndependentJudgement {...judgementProps} />
            </DeliberateErrorBoundary>
          </div>
        ) : null}
        <div className="dlb-screen__column" data-part="ai">
          <DeliberateErrorBoundary component="Recommendation">
            <Recommendation {...recommendationProps} headingLevel={sub} />
          </DeliberateErrorBoundary>
          {explanation && revealed ? (
            <DeliberateErrorBoundary component="ExplanationPanel">{explanation}</DeliberateErrorBoundary>
          ) : null}
        </div>
      </div>
      <div className="dlb-screen__finalize" data-part="finalize">
        <DeliberateErrorBoundary component="FinalizeStep">
          <FinalizeStep showWithoutAi={false} {...finalizeProps} />
        </DeliberateErrorBoundary>
      </div>
    </section>
  );
}
DecisionScreen.displayName = 'DecisionScreen';
