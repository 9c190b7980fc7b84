import {
  createContext,
  forwardRef,
  useContext,
  type FieldsetHTMLAttributes,
  type HTMLAttributes,
  type ReactNode,
} from 'react';
import {
  FinalizeProvider,
  reasonLabel,
  useOptionalFinalize,
  type FinalizeProviderProps,
} from '../actions/finalize-context.tsx';
import { useI18n } from '../i18n/context.tsx';
import { cx } from '../utils/class-names.ts';
import { mergeProps } from '../utils/merge-props.ts';
import { useJustification, type UseJustificationResult } from './use-justification.ts';

export {
  useJustification,
  type JustificationState,
  type UseJustificationResult,
} from './use-justification.ts';

/*
 * Coded reasons plus free text, inline in the finalize step — no dialog that could be closed to
 * skip it (accountability reduces automation bias: Skitka, Mosier & Burdick 2000). The reason
 * set is `useDecision().reasonCodes`: the host's, the recommendation's (a CDS Hooks card's
 * `overrideReasons`), or Deliberate's defaults. Whether a reason is needed is the plan's rule and
 * is enforced by the protocol when DecisionActions finalizes; a refusal comes back here, next to
 * the field, which receives focus.
 */

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
        className={cx('dlb-justification', className)}
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

export type JustificationReasonsProps = Omit<FieldsetHTMLAttributes<HTMLFieldSetElement>, 'children'>;

/** The coded reasons as checkboxes; the legend says whether a reason is required. */
export const JustificationReasons = forwardRef<HTMLFieldSetElement, JustificationReasonsProps>(
  function JustificationReasons({ className, ...rest }, ref) {
    const j = useJustificationPart('Justification.Reasons');
    const { t, locale } = useI18n();
    if (j.state === 'recorded') return null;
    return (
      <fieldset
        {...mergeProps(rest, j.fieldsetProps)}
        ref={ref}
        className={cx('dlb-justification__reasons', className)}
      >
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
  },
);
JustificationReasons.displayName = 'Justification.Reasons';

export type JustificationCommentProps = Omit<HTMLAttributes<HTMLDivElement>, 'children'>;

/** Free text; required when a selected reason needs it (e.g. "Other"). */
export const JustificationComment = forwardRef<HTMLDivElement, JustificationCommentProps>(
  function JustificationComment({ className, ...rest }, ref) {
    const j = useJustificationPart('Justification.Comment');
    const { t, locale } = useI18n();
    if (j.state === 'recorded') return null;
    return (
      <div {...rest} ref={ref} className={cx('dlb-justification__comment', className)}>
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
  },
);
JustificationComment.displayName = 'Justification.Comment';

export type JustificationRecordedProps = Omit<HTMLAttributes<HTMLDListElement>, 'children'>;

/** The recorded reasons and comment, read-only, once the decision is final. */
export const JustificationRecorded = forwardRef<HTMLDListElement, JustificationRecordedProps>(
  function JustificationRecorded({ className, ...rest }, ref) {
    const j = useJustificationPart('Justification.Recorded');
    const { t } = useI18n();
    if (j.recorded === null) return null;
    return (
      <dl {...rest} ref={ref} className={cx('dlb-facts', className)}>
        <div className="dlb-facts__row">
          <dt>{t('justification.recorded.reasons')}</dt>
          <dd>
            {j.recorded.reasons.length === 0
              ? t('justification.recorded.none')
              : j.recorded.reasons.join('; ')}
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
  },
);
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
