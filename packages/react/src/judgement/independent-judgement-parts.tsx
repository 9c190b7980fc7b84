import {
  forwardRef,
  useEffect,
  type ButtonHTMLAttributes,
  type FieldsetHTMLAttributes,
  type HTMLAttributes,
  type ReactNode,
} from 'react';
import { useDecision } from '../decision/decision-provider.tsx';
import { useI18n } from '../i18n/context.tsx';
import { cx } from '../utils/class-names.ts';
import { isDev } from '../utils/dev.ts';
import { mergeProps, useComposedRefs } from '../utils/merge-props.ts';
import { optionLabel } from './display.ts';
import { JudgementContext, useJudgementPart } from './judgement-context.ts';
import { OWN_CONFIDENCE_SCALE, type OwnConfidenceStep } from './own-confidence.ts';
import { useIndependentJudgement, type UseIndependentJudgementProps } from './use-independent-judgement.ts';

/*
 * The parts of the independent judgement (judge first: Fogliato et al. 2022; cognitive forcing:
 * Buçinca et al. 2021; docs/research.md). Each forwards its ref and spreads the host's props onto
 * its element (the host's `className` is added to the part's own, its handlers run first); the
 * behaviour comes from `useIndependentJudgement` through the Root. Native form controls: radios in
 * a fieldset for options, a text input with locale-aware parsing for amounts, checkboxes for the
 * plan's checklist.
 */

function ErrorText({ id, children }: { id?: string | undefined; children: ReactNode }) {
  return (
    <p id={id} className="dlb-field-error" data-state="error">
      {children}
    </p>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Root
 * -----------------------------------------------------------------------------------------------*/

export interface IndependentJudgementRootProps
  extends UseIndependentJudgementProps, Omit<HTMLAttributes<HTMLDivElement>, 'defaultValue' | 'onChange'> {
  children?: ReactNode;
}

/** Props the step took before the procedure owned the options; kept off the DOM, reported once. */
const RETIRED_PROPS = ['options', 'kind', 'unit'] as const;
let warnedRetired = false;

/**
 * Runs `useIndependentJudgement` and shares it with the parts. Renders a `div` with
 * `data-state` (see `IndependentJudgementState`). The options are the procedure's, passed to
 * `DecisionProvider` as `options`.
 *
 * @example
 * <IndependentJudgement.Root onCommit={(e) => audit(e.action)}>
 *   <IndependentJudgement.Options /><IndependentJudgement.Commit /><IndependentJudgement.Summary />
 * </IndependentJudgement.Root>
 */
export const IndependentJudgementRoot = forwardRef<HTMLDivElement, IndependentJudgementRootProps>(
  function IndependentJudgementRoot(props, ref) {
    const { value, defaultValue, onValueChange, onCommit, children, className, ...domProps } = props;
    const rest: Record<string, unknown> = { ...domProps };
    const retired = RETIRED_PROPS.filter((key) => key in rest);
    for (const key of retired) delete rest[key];
    useEffect(() => {
      if (retired.length === 0 || warnedRetired || !isDev()) return;
      warnedRetired = true;
      console.warn(
        `[deliberate] IndependentJudgement no longer takes ${retired.map((key) => `\`${key}\``).join(', ')}: pass the procedure’s options to DecisionProvider as \`options\` (docs/architecture.md, "The procedure owns the decision").`,
      );
    });
    const judgement = useIndependentJudgement({ value, defaultValue, onValueChange, onCommit });
    return (
      <JudgementContext.Provider value={judgement}>
        <div
          {...mergeProps(rest as HTMLAttributes<HTMLDivElement>, judgement.rootProps)}
          ref={ref}
          className={cx('dlb-judgement', className)}
        >
          {children}
        </div>
      </JudgementContext.Provider>
    );
  },
);
IndependentJudgementRoot.displayName = 'IndependentJudgement.Root';

/* -------------------------------------------------------------------------------------------------
 * Intro and time hint
 * -----------------------------------------------------------------------------------------------*/

export type IndependentJudgementIntroProps = HTMLAttributes<HTMLDivElement>;

/**
 * What the person is asked to do, and the plan's minimum own-assessment time presented as *their*
 * time ("Take at least 20 seconds for your own assessment — 12 seconds left"), never as the system
 * working (Park et al. 2019; Efendić et al. 2020). Not a live region: it would speak every second.
 */
export const IndependentJudgementIntro = forwardRef<HTMLDivElement, IndependentJudgementIntroProps>(
  function IndependentJudgementIntro({ className, ...rest }, ref) {
    const j = useJudgementPart('IndependentJudgement.Intro');
    const { t } = useI18n();
    if (!j.editable) return null;
    return (
      <div {...rest} ref={ref} className={cx('dlb-judgement__intro', className)}>
        <p {...j.descriptionProps} className="dlb-judgement__description">
          {t('judgement.description')}
        </p>
        {j.timeHint === null ? null : (
          <p {...j.timeHintProps} className="dlb-judgement__time" data-state="own-time">
            {j.timeHint}
          </p>
        )}
      </div>
    );
  },
);
IndependentJudgementIntro.displayName = 'IndependentJudgement.Intro';

/* -------------------------------------------------------------------------------------------------
 * Options (or amount)
 * -----------------------------------------------------------------------------------------------*/

export type IndependentJudgementOptionsProps = Omit<HTMLAttributes<HTMLElement>, 'children'>;

/**
 * The person's own decision: radios with the procedure's options in its order (a `fieldset`), or
 * an amount with the procedure's unit, range and step (a `div`). The ref and props go to that
 * element.
 */
export const IndependentJudgementOptions = forwardRef<HTMLElement, IndependentJudgementOptionsProps>(
  function IndependentJudgementOptions({ className, ...rest }, ref) {
    const j = useJudgementPart('IndependentJudgement.Options');
    const { t, locale } = useI18n();
    const setRef = useComposedRefs<HTMLElement>(ref);
    if (!j.editable || j.shape === null) return null;
    const shape = j.shape;
    if (shape.kind === 'numeric') {
      return (
        <div {...rest} ref={setRef} className={cx('dlb-judgement__amount', className)}>
          <label {...j.amountLabelProps} className="dlb-judgement__label">
            {shape.unit
              ? t('judgement.amount.labelWithUnit', { unit: shape.unit })
              : t('judgement.amount.label')}
          </label>
          {/* The hint describes the format in words, never with a sample amount: any number shown
              beside the person's own estimate can anchor it, even an arbitrary one. The range is
              the procedure's and is needed to enter a valid amount. */}
          <p {...j.amountHintProps} className="dlb-hint">
            {t('judgement.amount.hint')}
          </p>
          {j.amountConstraints === null ? null : (
            <p {...j.amountConstraintsProps} className="dlb-hint">
              {j.amountConstraints}
            </p>
          )}
          <input {...j.amountInputProps} className="dlb-input" />
          {j.errors.decision ? (
            <ErrorText {...j.errorProps('decision')}>{j.errors.decision}</ErrorText>
          ) : null}
        </div>
      );
    }
    return (
      <fieldset
        {...mergeProps(rest as FieldsetHTMLAttributes<HTMLFieldSetElement>, j.fieldsetProps)}
        ref={setRef}
        className={cx('dlb-judgement__options', className)}
      >
        <legend {...j.legendProps} className="dlb-judgement__legend">
          {t('judgement.legend')}
        </legend>
        {shape.options.map((option) => (
          <div key={option.id} className="dlb-choice">
            <input {...j.optionProps(option.id)} className="dlb-choice__input" />
            <label {...j.optionLabelProps(option.id)} className="dlb-choice__label">
              {optionLabel(option, locale)}
            </label>
          </div>
        ))}
        {j.errors.decision ? <ErrorText {...j.errorProps('decision')}>{j.errors.decision}</ErrorText> : null}
      </fieldset>
    );
  },
);
IndependentJudgementOptions.displayName = 'IndependentJudgement.Options';

/* -------------------------------------------------------------------------------------------------
 * Own confidence
 * -----------------------------------------------------------------------------------------------*/

export type IndependentJudgementConfidenceProps = Omit<
  FieldsetHTMLAttributes<HTMLFieldSetElement>,
  'children'
>;

/** The optional own confidence, on the five-step scale of `OWN_CONFIDENCE_SCALE` (a `fieldset`). */
export const IndependentJudgementConfidence = forwardRef<
  HTMLFieldSetElement,
  IndependentJudgementConfidenceProps
>(function IndependentJudgementConfidence({ className, ...rest }, ref) {
  const j = useJudgementPart('IndependentJudgement.Confidence');
  const { t } = useI18n();
  if (!j.editable) return null;
  const steps: (OwnConfidenceStep['id'] | 'none')[] = ['none', ...OWN_CONFIDENCE_SCALE.map((s) => s.id)];
  return (
    <fieldset
      {...mergeProps(rest, j.confidenceFieldsetProps)}
      ref={ref}
      className={cx('dlb-judgement__confidence', className)}
    >
      <legend className="dlb-judgement__legend">{t('judgement.confidence.legend')}</legend>
      <div className="dlb-scale">
        {steps.map((step) => (
          <div key={step} className="dlb-choice dlb-scale__step">
            <input {...j.confidenceOptionProps(step)} className="dlb-choice__input" />
            <label {...j.confidenceLabelProps(step)} className="dlb-choice__label">
              {t(`judgement.confidence.${step}`)}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
});
IndependentJudgementConfidence.displayName = 'IndependentJudgement.Confidence';

/* -------------------------------------------------------------------------------------------------
 * Rationale
 * -----------------------------------------------------------------------------------------------*/

export type IndependentJudgementRationaleProps = Omit<HTMLAttributes<HTMLDivElement>, 'children'>;

/** Optional free-text reasoning, hashed and logged with the judgement (a `div` with label, hint, field). */
export const IndependentJudgementRationale = forwardRef<HTMLDivElement, IndependentJudgementRationaleProps>(
  function IndependentJudgementRationale({ className, ...rest }, ref) {
    const j = useJudgementPart('IndependentJudgement.Rationale');
    const { t } = useI18n();
    if (!j.editable) return null;
    return (
      <div {...rest} ref={ref} className={cx('dlb-judgement__rationale', className)}>
        <label {...j.rationaleLabelProps} className="dlb-judgement__label">
          {t('judgement.rationale.label')}
        </label>
        <p {...j.rationaleHintProps} className="dlb-hint">
          {t('judgement.rationale.hint')}
        </p>
        <textarea {...j.rationaleProps} className="dlb-textarea" rows={3} />
      </div>
    );
  },
);
IndependentJudgementRationale.displayName = 'IndependentJudgement.Rationale';

/* -------------------------------------------------------------------------------------------------
 * Checklist
 * -----------------------------------------------------------------------------------------------*/

export type IndependentJudgementChecklistProps = Omit<
  FieldsetHTMLAttributes<HTMLFieldSetElement>,
  'children'
>;

/** The plan's checklist (a `fieldset`): every item must be confirmed before the judgement is recorded. */
export const IndependentJudgementChecklist = forwardRef<
  HTMLFieldSetElement,
  IndependentJudgementChecklistProps
>(function IndependentJudgementChecklist({ className, ...rest }, ref) {
  const j = useJudgementPart('IndependentJudgement.Checklist');
  const { t, locale } = useI18n();
  const { plan } = useDecision('IndependentJudgement.Checklist');
  if (!j.editable || plan.checklist.length === 0) return null;
  return (
    <fieldset
      {...mergeProps(rest, j.checklistFieldsetProps)}
      ref={ref}
      className={cx('dlb-judgement__checklist', className)}
    >
      <legend className="dlb-judgement__legend">{t('judgement.checklist.legend')}</legend>
      {plan.checklist.map((item) => (
        <div key={item.id} className="dlb-choice">
          <input {...j.checklistItemProps(item.id)} className="dlb-choice__input" />
          <label {...j.checklistLabelProps(item.id)} className="dlb-choice__label">
            {item.label[locale] ?? item.label.en}
          </label>
        </div>
      ))}
      {j.errors.checklist ? <ErrorText {...j.errorProps('checklist')}>{j.errors.checklist}</ErrorText> : null}
    </fieldset>
  );
});
IndependentJudgementChecklist.displayName = 'IndependentJudgement.Checklist';

/* -------------------------------------------------------------------------------------------------
 * Commit
 * -----------------------------------------------------------------------------------------------*/

export type IndependentJudgementCommitProps = ButtonHTMLAttributes<HTMLButtonElement>;

/**
 * Records the judgement. The ref and props go to the button (children replace its text; an
 * `onClick` runs first and cancels with `event.preventDefault()`). It stays enabled: pressing it
 * with something missing names the problem next to the field and moves focus there (WCAG 3.3.1),
 * instead of a silent disabled button.
 */
export const IndependentJudgementCommit = forwardRef<HTMLButtonElement, IndependentJudgementCommitProps>(
  function IndependentJudgementCommit({ className, children, ...rest }, ref) {
    const j = useJudgementPart('IndependentJudgement.Commit');
    const { t } = useI18n();
    if (!j.editable) return null;
    return (
      <div className="dlb-judgement__commit">
        <button
          {...mergeProps(rest, j.commitButtonProps)}
          ref={ref}
          className={cx('dlb-button dlb-button--primary', className)}
        >
          {children ?? t('judgement.commit')}
        </button>
        {j.errors.general ? (
          <p {...j.errorProps('general')} className="dlb-field-error" role="alert">
            {j.errors.general}
          </p>
        ) : null}
      </div>
    );
  },
);
IndependentJudgementCommit.displayName = 'IndependentJudgement.Commit';
