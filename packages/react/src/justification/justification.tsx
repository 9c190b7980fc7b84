import type { ReasonInput } from '@deliberate/core';
import { FREE_TEXT_MAX_LENGTH } from '@deliberate/core';
import {
  createContext,
  forwardRef,
  useContext,
  useId,
  type FieldsetHTMLAttributes,
  type HTMLAttributes,
  type InputHTMLAttributes,
  type LabelHTMLAttributes,
  type ReactNode,
  type RefCallback,
  type TextareaHTMLAttributes,
} from 'react';
import {
  FinalizeProvider,
  reasonLabel,
  reasonNeedsComment,
  useOptionalFinalize,
  type FinalizeContextValue,
  type FinalizeProviderProps,
  type JustificationRequirement,
} from '../actions/finalize-context.tsx';
import { useDecision } from '../decision/decision-provider.tsx';
import { useSafeguard } from '../decision/safeguards.ts';
import { useI18n } from '../i18n/context.tsx';

/*
 * Coded reasons plus free text, inline in the finalize step — no dialog that could be closed to
 * skip it (accountability reduces automation bias: Skitka, Mosier & Burdick 2000). The reason
 * set is `useDecision().reasonCodes`: the host's, the recommendation's (a CDS Hooks card's
 * `overrideReasons`), or Deliberate's defaults. Whether a reason is needed is the plan's rule and
 * is enforced by the protocol when DecisionActions finalizes; a refusal comes back here, next to
 * the field, which receives focus.
 */

/**
 * `data-state` of the root:
 * - `hidden`: nothing to justify yet (the final decision is not possible yet) — renders nothing.
 * - `empty`: no reason selected.
 * - `filled`: at least one reason selected (and a comment where one is needed).
 * - `invalid`: the last finalize was refused for a missing reason or comment.
 * - `recorded`: the decision is final; the recorded reasons are shown read-only.
 *
 * `data-requirement` is `required`, `if-deviating` or `optional` (see `JustificationRequirement`).
 */
export type JustificationState = 'hidden' | 'empty' | 'filled' | 'invalid' | 'recorded';

type WithRef<P, E> = P & { ref?: RefCallback<E> | undefined };

export interface UseJustificationResult {
  state: JustificationState;
  requirement: JustificationRequirement;
  reasons: ReasonInput[];
  selected: string[];
  comment: string;
  /** Whether a selected reason needs a comment. */
  commentRequired: boolean;
  /** The selected reasons that need a comment. */
  commentRequiredBy: ReasonInput[];
  errors: { reasons?: string | undefined; comment?: string | undefined };
  /** The recorded reasons and comment, once final. */
  recorded: { reasons: string[]; comment: string | undefined } | null;
  finalize: FinalizeContextValue;
  fieldsetProps: FieldsetHTMLAttributes<HTMLFieldSetElement>;
  hintProps: HTMLAttributes<HTMLElement>;
  reasonProps(code: string, index: number): WithRef<InputHTMLAttributes<HTMLInputElement>, HTMLInputElement>;
  reasonLabelProps(code: string): LabelHTMLAttributes<HTMLLabelElement>;
  reasonErrorProps: HTMLAttributes<HTMLElement>;
  commentProps: WithRef<TextareaHTMLAttributes<HTMLTextAreaElement>, HTMLTextAreaElement>;
  commentLabelProps: LabelHTMLAttributes<HTMLLabelElement>;
  commentHintProps: HTMLAttributes<HTMLElement>;
  commentErrorProps: HTMLAttributes<HTMLElement>;
}

function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const joined = ids.filter(Boolean).join(' ');
  return joined === '' ? undefined : joined;
}

/**
 * The justification's behaviour for your own markup: the reason set, the selection and comment
 * (kept in the finalize step), the requirement and errors, and prop bags with the ARIA wiring.
 *
 * @example
 * const j = useJustification();
 * {j.reasons.map((r, i) => <label key={r.code}><input {...j.reasonProps(r.code, i)} /> {r.display}</label>)}
 */
export function useJustification(): UseJustificationResult {
  const fin = useOptionalFinalize();
  if (fin === null)
    throw new Error('`useJustification` must be used within `FinalizeStep.Root` or `FinalizeProvider`.');
  const { locale } = useI18n();
  const { state, reasonCodes, plan, recommendation } = useDecision('useJustification');
  useSafeguard('justification', { rule: plan.justification, reasonCodes: reasonCodes.length });
  const base = useId();
  const ids = {
    hint: `${base}-hint`,
    comment: `${base}-comment`,
    commentHint: `${base}-comment-hint`,
    reason: (code: string) => `${base}-reason-${code}`,
  };

  const finalized = state.status === 'finalized';
  const ended = state.status === 'abandoned';
  const aiShown = state.revealedAt !== undefined && recommendation !== null;
  const canFinalizeSoon =
    aiShown || state.status === 'without-ai' || state.status === 'ai-stopped' || plan.reveal === 'on-request';
  const selected = fin.reasons;
  const commentRequiredBy = reasonCodes.filter((r) => selected.includes(r.code) && reasonNeedsComment(r));
  const commentRequired = commentRequiredBy.length > 0;
  const errors = { reasons: fin.errors.reasons, comment: fin.errors.comment };
  const recorded = state.final
    ? {
        reasons: state.final.reasons.map((logged) => {
          const known = reasonCodes.find((r) => r.code === logged.code && r.system === logged.system);
          return known ? reasonLabel(known, locale) : logged.display || logged.code;
        }),
        comment: state.final.comment,
      }
    : null;
  const dataState: JustificationState = finalized
    ? 'recorded'
    : ended || !canFinalizeSoon
      ? 'hidden'
      : errors.reasons || errors.comment
        ? 'invalid'
        : selected.length > 0
          ? 'filled'
          : 'empty';

  return {
    state: dataState,
    requirement: fin.requirement,
    reasons: reasonCodes,
    selected,
    comment: fin.comment,
    commentRequired,
    commentRequiredBy,
    errors,
    recorded,
    finalize: fin,
    fieldsetProps: {
      'aria-describedby': describedBy(ids.hint, errors.reasons && fin.ids.reasonsError),
    },
    hintProps: { id: ids.hint },
    reasonProps: (code, index) => ({
      type: 'checkbox',
      id: ids.reason(code),
      checked: selected.includes(code),
      onChange: (event) => {
        const on = event.currentTarget.checked;
        fin.setReasons(
          on ? [...selected.filter((c) => c !== code), code] : selected.filter((c) => c !== code),
        );
      },
      'aria-invalid': errors.reasons ? true : undefined,
      ref: index === 0 ? fin.fieldRef('reasons') : undefined,
    }),
    reasonLabelProps: (code) => ({ htmlFor: ids.reason(code) }),
    reasonErrorProps: { id: fin.ids.reasonsError },
    commentProps: {
      id: ids.comment,
      value: fin.comment,
      onChange: (event) => fin.setComment(event.currentTarget.value),
      maxLength: FREE_TEXT_MAX_LENGTH,
      'aria-required': commentRequired ? true : undefined,
      'aria-invalid': errors.comment ? true : undefined,
      'aria-describedby': describedBy(ids.commentHint, errors.comment && fin.ids.commentError),
      ref: fin.fieldRef('comment'),
    },
    commentLabelProps: { htmlFor: ids.comment },
    commentHintProps: { id: ids.commentHint },
    commentErrorProps: { id: fin.ids.commentError },
  };
}

/* -------------------------------------------------------------------------------------------------
 * Context for the parts
 * -----------------------------------------------------------------------------------------------*/

const JustificationContext = createContext<UseJustificationResult | null>(null);
JustificationContext.displayName = 'JustificationContext';

function useJustificationPart(part: string): UseJustificationResult {
  const context = useContext(JustificationContext);
  if (!context) throw new Error(`\`${part}\` must be used within \`Justification.Root\`.`);
  return context;
}

/* -------------------------------------------------------------------------------------------------
 * Root
 * -----------------------------------------------------------------------------------------------*/

export interface JustificationRootProps
  extends
    Pick<
      FinalizeProviderProps,
      'reasons' | 'defaultReasons' | 'onReasonsChange' | 'comment' | 'defaultComment' | 'onCommentChange'
    >,
    Omit<HTMLAttributes<HTMLDivElement>, 'onChange'> {
  children?: ReactNode;
}

type InnerProps = Omit<
  JustificationRootProps,
  'reasons' | 'defaultReasons' | 'onReasonsChange' | 'comment' | 'defaultComment' | 'onCommentChange'
>;

const JustificationInner = forwardRef<HTMLDivElement, InnerProps>(function JustificationInner(
  { children, className, ...rest },
  ref,
) {
  const justification = useJustification();
  if (justification.state === 'hidden') return null;
  return (
    <JustificationContext.Provider value={justification}>
      <div
        {...rest}
        ref={ref}
        className={['dlb-justification', className].filter(Boolean).join(' ')}
        data-state={justification.state}
        data-requirement={justification.requirement}
      >
        {children}
      </div>
    </JustificationContext.Provider>
  );
});

/**
 * Runs `useJustification` and shares it with the parts; renders a `div` with `data-state` (see
 * `JustificationState`) and `data-requirement`, or nothing while there is nothing to justify.
 * Inside `FinalizeStep.Root` the selection is the step's; alone, the root keeps it.
 *
 * @example
 * <Justification.Root><Justification.Reasons /><Justification.Comment /></Justification.Root>
 */
export const JustificationRoot = forwardRef<HTMLDivElement, JustificationRootProps>(
  function JustificationRoot(props, ref) {
    const { reasons, defaultReasons, onReasonsChange, comment, defaultComment, onCommentChange, ...rest } =
      props;
    const finalize = useOptionalFinalize();
    if (finalize) return <JustificationInner {...rest} ref={ref} />;
    return (
      <FinalizeProvider
        reasons={reasons}
        defaultReasons={defaultReasons}
        onReasonsChange={onReasonsChange}
        comment={comment}
        defaultComment={defaultComment}
        onCommentChange={onCommentChange}
      >
        <JustificationInner {...rest} ref={ref} />
      </FinalizeProvider>
    );
  },
);
JustificationRoot.displayName = 'Justification.Root';

/* -------------------------------------------------------------------------------------------------
 * Parts
 * -----------------------------------------------------------------------------------------------*/

/** The coded reasons as checkboxes; the legend says whether a reason is required. */
export function JustificationReasons() {
  const j = useJustificationPart('Justification.Reasons');
  const { t, locale } = useI18n();
  if (j.state === 'recorded') return null;
  return (
    <fieldset {...j.fieldsetProps} className="dlb-justification__reasons">
      <legend className="dlb-justification__legend">
        {t('justification.legend')}{' '}
        <span className="dlb-justification__requirement">
          {t(`justification.requirement.${j.requirement}`)}
        </span>
      </legend>
      <p {...j.hintProps} className="dlb-hint">
        {t(`justification.hint.${j.requirement}`)}
      </p>
      {j.reasons.map((reason, index) => (
        <div key={`${reason.system}|${reason.code}`} className="dlb-choice">
          <input {...j.reasonProps(reason.code, index)} className="dlb-choice__input" />
          <label {...j.reasonLabelProps(reason.code)} className="dlb-choice__label">
            {reasonLabel(reason, locale)}
          </label>
        </div>
      ))}
      {j.errors.reasons ? (
        <p {...j.reasonErrorProps} className="dlb-field-error">
          {j.errors.reasons}
        </p>
      ) : null}
    </fieldset>
  );
}
JustificationReasons.displayName = 'Justification.Reasons';

/** Free text; required when a selected reason needs it (e.g. "Other"). */
export function JustificationComment() {
  const j = useJustificationPart('Justification.Comment');
  const { t, locale } = useI18n();
  if (j.state === 'recorded') return null;
  return (
    <div className="dlb-justification__comment">
      <label {...j.commentLabelProps} className="dlb-justification__legend">
        {t('justification.comment.label')}{' '}
        <span className="dlb-justification__requirement">
          {j.commentRequired
            ? t('justification.requirement.required')
            : t('justification.requirement.optional')}
        </span>
      </label>
      <p {...j.commentHintProps} className="dlb-hint">
        {j.commentRequired
          ? t('justification.comment.requiredFor', {
              reasons: j.commentRequiredBy.map((r) => reasonLabel(r, locale)).join(', '),
            })
          : t('justification.comment.hint')}
      </p>
      <textarea {...j.commentProps} className="dlb-textarea" rows={3} />
      {j.errors.comment ? (
        <p {...j.commentErrorProps} className="dlb-field-error">
          {j.errors.comment}
        </p>
      ) : null}
    </div>
  );
}
JustificationComment.displayName = 'Justification.Comment';

/** The recorded reasons and comment, read-only, once the decision is final. */
export function JustificationRecorded() {
  const j = useJustificationPart('Justification.Recorded');
  const { t } = useI18n();
  if (j.recorded === null) return null;
  return (
    <dl className="dlb-facts">
      <div className="dlb-facts__row">
        <dt>{t('justification.recorded.reasons')}</dt>
        <dd>
          {j.recorded.reasons.length === 0 ? t('justification.recorded.none') : j.recorded.reasons.join('; ')}
        </dd>
      </div>
      {j.recorded.comment === undefined ? null : (
        <div className="dlb-facts__row">
          <dt>{t('justification.recorded.comment')}</dt>
          <dd className="dlb-facts__text">{j.recorded.comment}</dd>
        </div>
      )}
    </dl>
  );
}
JustificationRecorded.displayName = 'Justification.Recorded';

/* -------------------------------------------------------------------------------------------------
 * Justification (composed)
 * -----------------------------------------------------------------------------------------------*/

export type JustificationProps = JustificationRootProps;

/**
 * Coded reasons and a comment for the final decision, inline. Put it in a `FinalizeStep` (or
 * `FinalizeStep.Root`) with DecisionActions, which sends the selection with `finalize`.
 *
 * @example
 * <FinalizeStep.Root><Justification /><DecisionActions /></FinalizeStep.Root>
 */
function JustificationComposed({ children, ...props }: JustificationProps) {
  return (
    <JustificationRoot {...props}>
      {children ?? (
        <>
          <JustificationReasons />
          <JustificationComment />
          <JustificationRecorded />
        </>
      )}
    </JustificationRoot>
  );
}
JustificationComposed.displayName = 'Justification';

export const Justification = Object.assign(JustificationComposed, {
  Root: JustificationRoot,
  Reasons: JustificationReasons,
  Comment: JustificationComment,
  Recorded: JustificationRecorded,
});
