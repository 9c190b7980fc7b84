import type { DecisionOption } from '@deliberate/core';
import { forwardRef, type HTMLAttributes, type InputHTMLAttributes, type Ref } from 'react';
import { useI18n } from '../i18n/context.tsx';
import { optionLabel } from '../judgement/display.ts';
import { cx } from '../utils/class-names.ts';
import { composeRefs, mergeProps } from '../utils/merge-props.ts';
import { useActionsPart } from './actions-context.ts';
import type { DecisionActionId } from './actions-model.ts';

/*
 * What an action decides on, when the person has to say it: a choice between options (radios in a
 * fieldset), an amount (a text input with `inputMode="decimal"`, so that "395,50" in German and
 * "395.50" in English both work), or, for a ranked list, something that is not on it. Fixed
 * targets (a single option, "keep my assessment") are named on the button and need no input.
 */

export interface DecisionActionsTargetInputProps extends InputHTMLAttributes<HTMLInputElement> {
  action: DecisionActionId;
}

/**
 * The text or amount input of an action's target, with its ARIA wiring (`aria-invalid`,
 * `aria-describedby`). Props and ref go to the `input`.
 *
 * @example
 * <label {...a.inputLabelProps('modify')}>Your amount</label><DecisionActions.TargetInput action="modify" />
 */
export const DecisionActionsTargetInput = forwardRef<HTMLInputElement, DecisionActionsTargetInputProps>(
  function DecisionActionsTargetInput({ action, className, ...rest }, forwarded) {
    const a = useActionsPart('DecisionActions.TargetInput');
    const { ref: own, ...bag } = a.inputProps(action);
    return (
      <input
        {...mergeProps(rest, bag)}
        ref={composeRefs(forwarded, own)}
        className={cx('dlb-input', className)}
      />
    );
  },
);
DecisionActionsTargetInput.displayName = 'DecisionActions.TargetInput';

export interface DecisionActionsTargetOptionProps extends InputHTMLAttributes<HTMLInputElement> {
  action: DecisionActionId;
  option: DecisionOption;
  /** The option's position; the first receives focus when nothing was chosen. */
  index: number;
}

/**
 * One option of an action's choice target: a radio and its label. Props and ref go to the radio.
 *
 * @example
 * <DecisionActions.TargetOption action="record" option={option} index={0} />
 */
export const DecisionActionsTargetOption = forwardRef<HTMLInputElement, DecisionActionsTargetOptionProps>(
  function DecisionActionsTargetOption({ action, option, index, className, ...rest }, forwarded) {
    const a = useActionsPart('DecisionActions.TargetOption');
    const { locale } = useI18n();
    const { ref: own, ...bag } = a.optionProps(action, option.id, index);
    return (
      <div className="dlb-choice">
        <input
          {...mergeProps(rest, bag)}
          ref={composeRefs(forwarded, own)}
          className={cx('dlb-choice__input', className)}
        />
        <label {...a.optionLabelProps(action, option.id)} className="dlb-choice__label">
          {optionLabel(option, locale)}
        </label>
      </div>
    );
  },
);
DecisionActionsTargetOption.displayName = 'DecisionActions.TargetOption';

function TargetError({ action }: { action: DecisionActionId }) {
  const a = useActionsPart('DecisionActions.Target');
  if (a.targetError?.action !== action) return null;
  return (
    <p {...a.targetErrorProps(action)} className="dlb-field-error">
      {a.targetError.text}
    </p>
  );
}

export interface DecisionActionsTargetProps extends HTMLAttributes<HTMLElement> {
  action: DecisionActionId;
  /** The target's label (a `legend` for options, a `label` for an input). */
  legend: string;
}

/**
 * An action's target: a `fieldset` of options, or a `div` with a labelled input, its hints and
 * its error; nothing when the action needs no input or there is nothing to choose from. Props and
 * ref go to that element.
 *
 * @example
 * <DecisionActions.Target action="record" legend="Your final decision" />
 */
export const DecisionActionsTarget = forwardRef<HTMLElement, DecisionActionsTargetProps>(
  function DecisionActionsTarget({ action, legend, className, ...rest }, ref) {
    const a = useActionsPart('DecisionActions.Target');
    const { t } = useI18n();
    const target = a.actions[action].target;
    // Nothing to choose from: the button says why (`no-options`, `no-other-option`).
    if (target.type === 'choice' && target.options.length === 0) return null;
    if (target.type === 'choice') {
      return (
        <fieldset
          {...mergeProps(rest, a.targetProps(action))}
          ref={ref as Ref<HTMLFieldSetElement>}
          className={cx('dlb-actions__target', className)}
        >
          <legend className="dlb-actions__legend">{legend}</legend>
          {target.options.map((option, index) => (
            <DecisionActionsTargetOption key={option.id} action={action} option={option} index={index} />
          ))}
          <TargetError action={action} />
        </fieldset>
      );
    }
    if (target.type !== 'amount' && target.type !== 'free-text') return null;
    const amount = target.type === 'amount' ? target : null;
    return (
      <div {...rest} ref={ref as Ref<HTMLDivElement>} className={cx('dlb-actions__target', className)}>
        <label {...a.inputLabelProps(action)} className="dlb-actions__legend">
          {legend}
        </label>
        <DecisionActionsTargetInput action={action} />
        {amount?.hint ? (
          <p {...a.targetHintProps(action)} className="dlb-hint">
            {amount.hint}
          </p>
        ) : null}
        {amount?.range ? (
          <p {...a.targetRangeProps(action)} className="dlb-hint">
            {amount.range}
          </p>
        ) : null}
        <TargetError action={action} />
        {a.showsExample(action) ? (
          // The format in words, not a sample amount: without the AI's interval beside it (a decision
          // without AI) a sample number would be the only figure near the person's own.
          <p {...a.targetExampleProps(action)} className="dlb-hint">
            {t('actions.amount.example')}
          </p>
        ) : null}
      </div>
    );
  },
);
DecisionActionsTarget.displayName = 'DecisionActions.Target';
