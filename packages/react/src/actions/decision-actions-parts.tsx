import { recommendedFinal } from '@deliberate/core';
import { forwardRef, type ButtonHTMLAttributes, type HTMLAttributes, type ReactNode } from 'react';
import { useDecision } from '../decision/decision-provider.tsx';
import { useI18n } from '../i18n/context.tsx';
import type { Translator } from '../i18n/translator.ts';
import { describeDecision } from '../judgement/display.ts';
import { cx } from '../utils/class-names.ts';
import { mergeProps } from '../utils/merge-props.ts';
import { ActionsContext, useActionsPart } from './actions-context.ts';
import type { DecisionActionId } from './actions-model.ts';
import { FinalizeProvider, useOptionalFinalize } from './finalize-context.tsx';
import { DecisionActionsError, DecisionActionsStatus } from './decision-actions-status.tsx';
import { DecisionActionsTarget } from './target-input.tsx';
import { useDecisionActions, type UseDecisionActionsProps } from './use-decision-actions.ts';

/*
 * The parts of the final-decision actions. Each renders one element, spreads the host's props
 * onto it (over the behaviour hook's prop bag, see `utils/merge-props.ts`) and forwards its ref;
 * the action parts give both to their button. Which actions show and whether they can be used
 * comes from core's `finalStep` through `useDecisionActions`.
 */

/* -------------------------------------------------------------------------------------------------
 * Root
 * -----------------------------------------------------------------------------------------------*/

export interface DecisionActionsRootProps
  extends UseDecisionActionsProps, Omit<HTMLAttributes<HTMLDivElement>, 'onChange'> {
  children?: ReactNode;
}

const DecisionActionsInner = forwardRef<HTMLDivElement, DecisionActionsRootProps>(
  function DecisionActionsInner(props, ref) {
    const { onFinalize, onDecideWithoutAi, children, className, ...rest } = props;
    const actions = useDecisionActions({ onFinalize, onDecideWithoutAi });
    const { t } = useI18n();
    return (
      <ActionsContext.Provider value={actions}>
        <div {...mergeProps(rest, actions.rootProps)} ref={ref} className={cx('dlb-actions', className)}>
          <p {...actions.titleProps} className="dlb-actions__title">
            {t('actions.title')}
          </p>
          {children}
        </div>
      </ActionsContext.Provider>
    );
  },
);

/**
 * Runs `useDecisionActions` and shares it with the parts; renders a `div` (role `group`, named
 * by its title) with `data-state` (see `DecisionActionsState`) and `data-mode`. Adds a
 * `FinalizeProvider` when none is above it.
 *
 * @example
 * <DecisionActions.Root onFinalize={(e) => { if (!window.confirm('Record?')) e.preventDefault(); }}>
 *   <DecisionActions.Status /><DecisionActions.Accept /><DecisionActions.Override /><DecisionActions.Result />
 * </DecisionActions.Root>
 */
export const DecisionActionsRoot = forwardRef<HTMLDivElement, DecisionActionsRootProps>(
  function DecisionActionsRoot(props, ref) {
    const finalize = useOptionalFinalize();
    if (finalize) return <DecisionActionsInner {...props} ref={ref} />;
    return (
      <FinalizeProvider>
        <DecisionActionsInner {...props} ref={ref} />
      </FinalizeProvider>
    );
  },
);
DecisionActionsRoot.displayName = 'DecisionActions.Root';

/* -------------------------------------------------------------------------------------------------
 * Actions
 * -----------------------------------------------------------------------------------------------*/

/** Props of an action part: those of its `button` (children replace the label). */
export type DecisionActionButtonProps = ButtonHTMLAttributes<HTMLButtonElement>;

interface ActionButtonProps extends DecisionActionButtonProps {
  action: DecisionActionId;
  label: string;
  primary?: boolean;
}

const ActionButton = forwardRef<HTMLButtonElement, ActionButtonProps>(function ActionButton(
  { action, label, primary, className, children, ...rest },
  ref,
) {
  const a = useActionsPart('DecisionActions');
  const reason = a.actions[action].unavailable;
  // Reasons the whole step shares are in the time or note element, not repeated per button.
  const shared =
    reason?.code === 'too-early' || reason?.code === 'pending' || reason?.code === 'resolution-required';
  return (
    <div className="dlb-action" data-action={action}>
      <button
        {...mergeProps(rest, a.buttonProps(action))}
        ref={ref}
        className={cx('dlb-button', primary && 'dlb-button--primary', className)}
      >
        {children ?? label}
      </button>
      {reason && !shared ? (
        <p {...a.reasonProps(action)} className="dlb-action__why">
          {reason.text}
        </p>
      ) : null}
    </div>
  );
});

/** Accept the AI's recommendation: `finalize` with the recommended option or value and core's intent. */
export const DecisionActionsAccept = forwardRef<HTMLButtonElement, DecisionActionButtonProps>(
  function DecisionActionsAccept(props, ref) {
    const a = useActionsPart('DecisionActions.Accept');
    const { t, locale } = useI18n();
    const { state } = useDecision('DecisionActions.Accept');
    const rec = state.recommendation;
    if (!a.actions.accept.visible || rec === null) return null;
    const option = describeDecision(recommendedFinal(rec), a.step.options, locale);
    return <ActionButton {...props} ref={ref} action="accept" label={t('actions.accept', { option })} />;
  },
);
DecisionActionsAccept.displayName = 'DecisionActions.Accept';

/** The label of an amount: "Your amount" against the AI's, "Your final amount" on its own (the judgement's field, still on screen, is "Your amount"). */
function amountLegend(t: Translator['t'], unit: string | undefined, final = false) {
  if (final) return unit ? t('actions.record.amountWithUnit', { unit }) : t('actions.record.amount');
  return unit ? t('actions.amount.labelWithUnit', { unit }) : t('actions.amount.label');
}

/**
 * Modify the recommendation: another item of a ranked list, or another amount (core's
 * `classifyOutcome` says whether it counts as a modification; the hint says so before the press).
 * Hidden for categorical and binary decisions.
 */
export const DecisionActionsModify = forwardRef<HTMLButtonElement, DecisionActionButtonProps>(
  function DecisionActionsModify(props, ref) {
    const a = useActionsPart('DecisionActions.Modify');
    const { t } = useI18n();
    const view = a.actions.modify;
    if (!view.visible) return null;
    const { target } = view;
    return (
      <div className="dlb-actions__deviation" data-action="modify">
        {target.type === 'fixed' ? null : (
          <DecisionActionsTarget
            action="modify"
            legend={
              target.type === 'amount' ? amountLegend(t, target.limits.unit) : t('actions.modify.legend')
            }
          />
        )}
        <ActionButton
          {...props}
          ref={ref}
          action="modify"
          label={
            target.type === 'fixed' ? t('actions.modifyTo', { option: target.text }) : t('actions.modify')
          }
        />
      </div>
    );
  },
);
DecisionActionsModify.displayName = 'DecisionActions.Modify';

/**
 * Override the recommendation: another option, or something not on a ranked list. When only one
 * other option is left (binary decisions, "keep my assessment") the button names it.
 */
export const DecisionActionsOverride = forwardRef<HTMLButtonElement, DecisionActionButtonProps>(
  function DecisionActionsOverride(props, ref) {
    const a = useActionsPart('DecisionActions.Override');
    const { t } = useI18n();
    const view = a.actions.override;
    if (!view.visible) return null;
    const { target } = view;
    return (
      <div className="dlb-actions__deviation" data-action="override">
        {target.type === 'fixed' ? null : (
          <DecisionActionsTarget
            action="override"
            legend={
              target.type === 'free-text' ? t('actions.override.freeText') : t('actions.override.legend')
            }
          />
        )}
        <ActionButton
          {...props}
          ref={ref}
          action="override"
          label={
            target.type === 'fixed' ? t('actions.overrideTo', { option: target.text }) : t('actions.override')
          }
        />
      </div>
    );
  },
);
DecisionActionsOverride.displayName = 'DecisionActions.Override';

/**
 * The final decision without the AI (no-AI arm, "decide without the AI", AI stopped or not
 * available, on-request plans): the procedure's options in its order, or an amount with its unit
 * and range. Unavailable (`no-options`) when there is nothing to decide between.
 */
export const DecisionActionsRecord = forwardRef<HTMLButtonElement, DecisionActionButtonProps>(
  function DecisionActionsRecord(props, ref) {
    const a = useActionsPart('DecisionActions.Record');
    const { t } = useI18n();
    const view = a.actions.record;
    if (!view.visible) return null;
    const { target } = view;
    return (
      <div className="dlb-actions__deviation" data-action="record">
        <DecisionActionsTarget
          action="record"
          legend={
            target.type === 'amount' ? amountLegend(t, target.limits.unit, true) : t('actions.record.legend')
          }
        />
        <ActionButton {...props} ref={ref} action="record" label={t('actions.record')} primary />
      </div>
    );
  },
);
DecisionActionsRecord.displayName = 'DecisionActions.Record';

/**
 * Decide without the AI (AI Act Art. 14(4)(d)): `decideWithoutAi`. Only before the reveal; after
 * it the button stays reachable and says why it is unavailable.
 */
export const DecisionActionsWithoutAi = forwardRef<HTMLButtonElement, DecisionActionButtonProps>(
  function DecisionActionsWithoutAi(props, ref) {
    const a = useActionsPart('DecisionActions.WithoutAi');
    const { t } = useI18n();
    if (!a.actions.withoutAi.visible) return null;
    return <ActionButton {...props} ref={ref} action="withoutAi" label={t('actions.withoutAi')} />;
  },
);
DecisionActionsWithoutAi.displayName = 'DecisionActions.WithoutAi';

/** What was recorded, once the decision is final; its text receives focus after the person's finalize. */
export const DecisionActionsResult = forwardRef<HTMLDivElement, HTMLAttributes<HTMLDivElement>>(
  function DecisionActionsResult({ className, ...rest }, ref) {
    const a = useActionsPart('DecisionActions.Result');
    const { t } = useI18n();
    if (a.state === 'ended') {
      return (
        <div {...rest} ref={ref} className={cx('dlb-actions__result', className)} data-state="ended">
          <p className="dlb-actions__result-text">{t('actions.ended')}</p>
        </div>
      );
    }
    if (a.result === null) return null;
    const { ref: own, ...bag } = a.resultProps;
    return (
      <div {...rest} ref={ref} className={cx('dlb-actions__result', className)} data-state="finalized">
        <p {...bag} ref={own} className="dlb-actions__result-text">
          {a.result.text}
        </p>
        <p className="dlb-hint">{a.result.time}</p>
      </div>
    );
  },
);
DecisionActionsResult.displayName = 'DecisionActions.Result';

/* -------------------------------------------------------------------------------------------------
 * DecisionActions (composed)
 * -----------------------------------------------------------------------------------------------*/

export interface DecisionActionsProps extends DecisionActionsRootProps {
  /**
   * Show the "decide without the AI" action. `DecisionScreen` turns it off because its
   * `OversightControls` already offer it; two controls for one action confuse screen-reader users.
   * @default true
   */
  showWithoutAi?: boolean;
}

/**
 * The final-decision actions with every part: status, accept, modify, override, the decision
 * without the AI, "decide without the AI", errors and the recorded result.
 *
 * @example
 * <DecisionProvider …>
 *   <DecisionActions onFinalize={(event) => console.log(event.action.intent)} />
 * </DecisionProvider>
 */
function DecisionActionsComposed({ children, showWithoutAi = true, ...props }: DecisionActionsProps) {
  return (
    <DecisionActionsRoot {...props}>
      {children ?? (
        <>
          <DecisionActionsStatus />
          <div className="dlb-actions__buttons">
            <DecisionActionsAccept />
            <DecisionActionsModify />
            <DecisionActionsOverride />
            <DecisionActionsRecord />
            {showWithoutAi ? <DecisionActionsWithoutAi /> : null}
          </div>
          <DecisionActionsError />
          <DecisionActionsResult />
        </>
      )}
    </DecisionActionsRoot>
  );
}
DecisionActionsComposed.displayName = 'DecisionActions';

export { DecisionActionsComposed };
