import { forwardRef, type HTMLAttributes } from 'react';
import { cx } from '../utils/class-names.ts';
import { composeRefs, mergeProps } from '../utils/merge-props.ts';
import { useActionsPart } from './actions-context.ts';

/*
 * The status parts of the final-decision actions: the own-assessment time left, the note about the
 * step (core's `FinalStepNote` in words), a live region for the end of the own time, and a
 * refusal that belongs to no field. Each renders one element, spreads the host's props onto it and
 * forwards its ref.
 */

/** The own-assessment time left, while it runs. Not live: it would speak every second. */
export const DecisionActionsTime = forwardRef<HTMLParagraphElement, HTMLAttributes<HTMLParagraphElement>>(
  function DecisionActionsTime({ className, ...rest }, ref) {
    const a = useActionsPart('DecisionActions.Time');
    if (a.timeText === null) return null;
    return (
      <p
        {...mergeProps(rest, a.timeProps)}
        ref={ref}
        className={cx('dlb-actions__time', className)}
        data-state="own-time"
      >
        {a.timeText}
      </p>
    );
  },
);
DecisionActionsTime.displayName = 'DecisionActions.Time';

/**
 * The note about the step (core's `FinalStepNote`): waiting for the AI, a disagreement to
 * resolve, or why the decision is made without the AI. Receives focus after "decide without the AI".
 */
export const DecisionActionsNote = forwardRef<HTMLParagraphElement, HTMLAttributes<HTMLParagraphElement>>(
  function DecisionActionsNote({ className, ...rest }, ref) {
    const a = useActionsPart('DecisionActions.Note');
    if (a.noteText === null) return null;
    const { ref: own, ...bag } = a.noteProps;
    return (
      <p
        {...mergeProps(rest, bag)}
        ref={composeRefs(ref, own)}
        className={cx('dlb-actions__note', className)}
      >
        {a.noteText}
      </p>
    );
  },
);
DecisionActionsNote.displayName = 'DecisionActions.Note';

/** A polite live region, always in the DOM, that says once when the own-assessment time is over. */
export const DecisionActionsTimeOver = forwardRef<HTMLParagraphElement, HTMLAttributes<HTMLParagraphElement>>(
  function DecisionActionsTimeOver({ className, ...rest }, ref) {
    const a = useActionsPart('DecisionActions.TimeOver');
    return (
      <p {...mergeProps(rest, a.timeOverProps)} ref={ref} className={cx('dlb-visually-hidden', className)}>
        {a.timeOverText}
      </p>
    );
  },
);
DecisionActionsTimeOver.displayName = 'DecisionActions.TimeOver';

/**
 * The time left, the note and the live region together (a composition without an element of its
 * own; use the three parts to style them one by one).
 */
export function DecisionActionsStatus() {
  useActionsPart('DecisionActions.Status');
  return (
    <>
      <DecisionActionsTime />
      <DecisionActionsNote />
      <DecisionActionsTimeOver />
    </>
  );
}
DecisionActionsStatus.displayName = 'DecisionActions.Status';

/** A protocol refusal that belongs to no field (e.g. the decision ended meanwhile). */
export const DecisionActionsError = forwardRef<HTMLParagraphElement, HTMLAttributes<HTMLParagraphElement>>(
  function DecisionActionsError({ className, ...rest }, ref) {
    const a = useActionsPart('DecisionActions.Error');
    const text = a.finalize.errors.general;
    if (!text) return null;
    return (
      <p
        {...rest}
        id={a.finalize.ids.generalError}
        role="alert"
        ref={ref}
        className={cx('dlb-field-error', className)}
      >
        {text}
      </p>
    );
  },
);
DecisionActionsError.displayName = 'DecisionActions.Error';
