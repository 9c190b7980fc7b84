import { forwardRef, useEffect, useId, type HTMLAttributes, type ReactNode } from 'react';
import { FinalizeStep, type FinalizeStepProps } from '../actions/finalize-step.tsx';
import { useDecision } from '../decision/decision-provider.tsx';
import { DeliberateErrorBoundary } from '../decision/error-boundary.tsx';
import { DecisionAiStatus } from '../decision/ai-status.tsx';
import { useSafeguard } from '../decision/safeguards.ts';
import { useI18n } from '../i18n/context.tsx';
import type { ExplanationPanelProps } from '../explanation/explanation-panel.tsx';
import { IndependentJudgement, type IndependentJudgementProps } from '../judgement/independent-judgement.tsx';
import { OversightControls, type OversightControlsProps } from '../oversight/oversight-controls.tsx';
import { Recommendation, type RecommendationProps } from '../recommendation/recommendation.tsx';
import { cx } from '../utils/class-names.ts';
import { Heading } from '../utils/heading.tsx';
import { DeferredExplanationPanel, preloadExplanationPanel } from './deferred-explanation.tsx';

/* -------------------------------------------------------------------------------------------------
 * LoggingAlert
 * -----------------------------------------------------------------------------------------------*/

export type LoggingAlertProps = Omit<HTMLAttributes<HTMLDivElement>, 'children'>;

/**
 * A blocking warning while the logger refuses events (e.g. a full outbox): the decision record is
 * incomplete, and the person should know before going on. Renders nothing while logging works.
 *
 * @example
 * <DecisionProvider logger={logger} …><LoggingAlert /><DecisionScreen /></DecisionProvider>
 */
export const LoggingAlert = forwardRef<HTMLDivElement, LoggingAlertProps>(function LoggingAlert(
  { className, ...rest },
  ref,
) {
  const { logError, retryLogging } = useDecision('LoggingAlert');
  const { t } = useI18n();
  if (!logError) return null;
  return (
    <div {...rest} ref={ref} className={cx('dlb-logging-alert', className)} role="alert" data-state="failing">
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
});
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
  /**
   * The explanation under the recommendation, shown once the AI is revealed. By default an
   * `ExplanationPanel` (its panels closed until the person opens one) whenever the
   * recommendation carries an explanation (`explanation`, or the AI system's own text in
   * `detail`); pass your own node to replace it, or `null` to show none. The default panel's
   * code is loaded separately: the screen starts loading it when it mounts, and shows a short
   * "loading" status after the reveal if it is not there yet.
   * @default <ExplanationPanel /> when the recommendation carries an explanation
   */
  explanation?: ReactNode;
  /** Props for the default explanation panel (ignored when `explanation` is given). */
  explanationProps?: Omit<ExplanationPanelProps, 'headingLevel'>;
  /** Props for the judgement step. */
  judgementProps?: Omit<IndependentJudgementProps, 'children'>;
  /** Props for the recommendation. */
  recommendationProps?: Omit<RecommendationProps, 'headingLevel'>;
  /** Props for the finalize step (contrast, justification, actions). */
  finalizeProps?: Omit<FinalizeStepProps, 'children'>;
  /** Props for the oversight controls (decide without AI, stop the AI, automation-bias notice). */
  oversightProps?: OversightControlsProps;
}

/** Whether the recommendation carries something the explanation panel would show. */
function carriesExplanation(explanation: unknown, detail: unknown): boolean {
  return (
    (explanation !== undefined && explanation !== null) ||
    (typeof detail === 'string' && detail.trim() !== '')
  );
}

/**
 * The default decision screen, for a five-minute integration: oversight controls, the person's
 * own judgement, the AI's recommendation (revealed as the plan allows) with its explanation
 * underneath, and the finalize step with contrast, justification and actions. Each part is
 * guarded by an error boundary, so a failure shows a readable fallback and is logged, and never
 * takes the host page down. The parts are exported for custom layouts.
 *
 * The explanation appears after the reveal whenever the recommendation carries one: an
 * `ExplanationPanel` whose panels stay closed until the person opens them (each opening is logged
 * as `explanation.viewed`). `explanation={null}` leaves it out; any other node replaces it. The
 * default panel (markdown, charts, its messages) is loaded lazily, since it is only needed after
 * the reveal: the import starts when the screen mounts in the browser, for every decision alike,
 * so nothing before the reveal depends on whether the recommendation carries an explanation.
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
export const DecisionScreen = forwardRef<HTMLElement, DecisionScreenProps>(function DecisionScreen(
  {
    judgement = 'auto',
    headingLevel = 2,
    explanation,
    explanationProps,
    judgementProps,
    recommendationProps,
    finalizeProps,
    oversightProps,
    className,
    ...rest
  },
  ref,
) {
  const { state, plan, recommendation, explanation: given } = useDecision('DecisionScreen');
  const { t, locale } = useI18n();
  const titleId = useId();
  const sub = Math.min(headingLevel + 1, 6) as 3 | 4 | 5;
  const showJudgement =
    judgement === 'always' ||
    (judgement === 'auto' && (plan.reveal === 'after-judgement' || plan.reveal === 'on-request'));
  const revealed = state.reveal !== undefined;
  const defaultExplanation = explanation === undefined;
  // Effects run only in the browser: load the default panel's code while the person judges. It
  // depends on the host's `explanation` prop only, never on the recommendation.
  useEffect(() => {
    if (defaultExplanation) preloadExplanationPanel().catch(() => undefined);
  }, [defaultExplanation]);
  // `undefined`: the default panel, when there is something to explain; `null` (or `false`): none.
  const slot: ReactNode = !defaultExplanation ? (
    explanation
  ) : carriesExplanation(given, recommendation?.detail) ? (
    <DeferredExplanationPanel {...explanationProps} headingLevel={sub} />
  ) : null;
  const hasSlot = Boolean(slot);
  // The manifest is readable before the reveal (`window.__deliberateSafeguards`): until then it
  // says only whether the screen has room for an explanation, never whether this recommendation
  // carries one.
  useSafeguard('screen', {
    accountabilityStatement: true,
    judgementStep: showJudgement,
    explanationSlot: revealed ? hasSlot : defaultExplanation || Boolean(explanation),
  });

  return (
    <section
      {...rest}
      ref={ref}
      className={cx('dlb-root', 'dlb-screen', className)}
      aria-labelledby={titleId}
      lang={locale}
      data-state={state.status}
      data-reveal={plan.reveal}
    >
      <header className="dlb-screen__header">
        <Heading level={headingLevel} id={titleId} className="dlb-screen__title">
          {t('screen.label', { caseRef: state.caseRef })}
        </Heading>
        <p className="dlb-screen__accountability">{t('screen.decidedBy')}</p>
        <DeliberateErrorBoundary component="OversightControls">
          <OversightControls {...oversightProps} />
        </DeliberateErrorBoundary>
      </header>
      <LoggingAlert />
      <DecisionAiStatus />
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
          {hasSlot && revealed ? (
            <DeliberateErrorBoundary component="ExplanationPanel">{slot}</DeliberateErrorBoundary>
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
});
DecisionScreen.displayName = 'DecisionScreen';
