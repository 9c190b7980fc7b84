import {
  classifyOutcome,
  deviationOptionsFor,
  intentFor,
  openRankedList,
  presentedOptions,
  recommendedFinal,
  type DecisionOption,
  type DecisionOptions,
  type DecisionState,
  type FinalActionBlock,
  type FinalActionId,
  type FinalInput,
  type FinalizeIntent,
  type FinalStepMode,
  type FinalStepModel,
  type FinalStepStatus,
} from '@deliberate/core';
import type { Translator } from '../i18n/translator.ts';
import { describeDecision, optionLabel } from '../judgement/display.ts';
import { formatNumberForInput, parseLocaleNumber } from '../judgement/number.ts';
import { amountHint, rangeText } from './actions-text.ts';

/*
 * The final-decision actions without React: what each action decides on (its target) and the
 * final decision a press sends (the words for every code are in `actions-text.ts`). Which actions
 * are shown and whether they can be used is core's (`finalStep`, docs/architecture.md §1, "Rules
 * live in core"); this module only turns the person's input into a `FinalInput`. The intent
 * sent with it is core's `intentFor`, so a button can never announce an intent the protocol
 * would refuse.
 */

/* -------------------------------------------------------------------------------------------------
 * Types
 * -----------------------------------------------------------------------------------------------*/

/** An action of the final step. `record` is the final decision without the AI. */
export type DecisionActionId = FinalActionId;

/**
 * `data-state` of the root (core's `FinalStepStatus`):
 * - `pending`: the plan shows the AI's recommendation first; only "decide without the AI" is possible.
 * - `too-early`: the plan's minimum own-assessment time is still running.
 * - `unresolved`: the person and the AI disagree and the person has not yet chosen (in Contrast)
 *   how to resolve it.
 * - `ready`: a final decision can be recorded.
 * - `finalized`: the final decision is recorded; the root shows what was recorded.
 * - `ended`: the decision was abandoned.
 */
export type DecisionActionsState = FinalStepStatus;

/** Whether the actions relate to the AI's recommendation (`ai`), decide without it (`own`), or wait (`pending`). */
export type DecisionActionsMode = FinalStepMode;

/** Why an action cannot be used: one of core's `FinalActionBlock` codes, never the binding's own. */
export type DecisionActionBlock = FinalActionBlock;

/** Why an action is unavailable: a stable code and the localized text shown to the person. */
export interface ActionUnavailable {
  code: DecisionActionBlock;
  text: string;
  details?: Record<string, unknown> | undefined;
}

/** An amount's limits, from the procedure's options. */
export interface AmountLimits {
  unit?: string | undefined;
  min?: number | undefined;
  max?: number | undefined;
  step?: number | undefined;
}

/** What an action decides on. */
export type ActionTarget =
  | { type: 'none' }
  | { type: 'fixed'; final: FinalInput; text: string }
  | { type: 'choice'; options: DecisionOption[]; selected: string | null }
  | {
      type: 'amount';
      text: string;
      /** How the amount will be recorded (a modification or an override of the AI's), or `null`. */
      hint: string | null;
      /** The procedure's range in words ("Between 0 € and 2,000 €."), or `null`. */
      range: string | null;
      limits: AmountLimits;
    }
  | { type: 'free-text'; text: string };

/** One action as the parts render it. */
export interface ActionView {
  id: DecisionActionId;
  visible: boolean;
  unavailable: ActionUnavailable | null;
  target: ActionTarget;
}

/** What the functions below read: core's model of the step and the person's unsent input. */
export interface ActionsModelInput {
  state: DecisionState;
  step: FinalStepModel;
  locale: string;
  t: Translator['t'];
  /** The option the person picked, per action. */
  choices: Partial<Record<DecisionActionId, string>>;
  /** The text the person typed (an amount, a label that is not on a ranked list), per action. */
  texts: Partial<Record<DecisionActionId, string>>;
}

/* -------------------------------------------------------------------------------------------------
 * Targets
 * -----------------------------------------------------------------------------------------------*/

/**
 * The options of a decision without the AI: the procedure's, in its order. Without them the
 * recommendation's in `neutralOrder` (by label), as the judgement step shows them: the person has
 * not seen the AI, and the payload's order may be its advice (docs/architecture.md §1, "The AI
 * stays hidden until the plan allows it").
 */
export function recordOptions(input: ActionsModelInput): DecisionOptions | null {
  return presentedOptions(input.state, input.locale);
}

function limitsOf(space: DecisionOptions | null): AmountLimits {
  if (space?.kind !== 'numeric') return {};
  const { unit, min, max, step } = space;
  return { unit, min, max, step };
}

function amountTarget(input: ActionsModelInput, text: string, hint: string | null): ActionTarget {
  const limits = limitsOf(input.step.options);
  return { type: 'amount', text, hint, range: rangeText(limits, input.locale, input.t), limits };
}

function choiceTarget(options: DecisionOption[], picked: string | undefined): ActionTarget {
  const selected = picked !== undefined && options.some((o) => o.id === picked) ? picked : null;
  return { type: 'choice', options, selected };
}

/**
 * What an action decides on:
 * - `record`: the decision space (options in the procedure's order, or an amount with its unit
 *   and range), preset to the person's committed judgement;
 * - with "keep my assessment": the matching deviation records the judgement as it is;
 * - `modify` / `override`: core's `deviationOptions`, each to the action whose intent core gives
 *   it (`intentFor`: another item of a ranked list modifies, anything else overrides); an amount
 *   for numeric decisions; free text for what is not on an open ranked list. A single option is
 *   named on the button.
 */
export function actionTarget(action: DecisionActionId, input: ActionsModelInput): ActionTarget {
  const { state, step, locale, choices, texts } = input;
  if (action === 'accept' || action === 'withoutAi') return { type: 'none' };
  const mine = state.judgement?.judgement;
  if (action === 'record') {
    const space = recordOptions(input);
    if (space?.kind === 'numeric') {
      const initial = mine?.value === undefined ? '' : formatNumberForInput(mine.value, locale);
      return amountTarget(input, texts.record ?? initial, null);
    }
    return choiceTarget(space?.options ?? [], choices.record ?? mine?.label);
  }
  if (state.recommendation === null) return { type: 'none' };
  if (step.matchingDeviation === action && mine !== undefined) {
    const final: FinalInput = mine.value !== undefined ? { value: mine.value } : { label: mine.label ?? '' };
    return { type: 'fixed', final, text: describeDecision(final, step.options, locale) };
  }
  if (state.recommendation.kind === 'numeric') {
    const text = texts[action] ?? '';
    return amountTarget(input, text, amountHint(input, text));
  }
  const options = deviationOptionsFor(state, action, step.resolution);
  if (options.length === 0 && action === 'override' && openRankedList(state))
    return { type: 'free-text', text: texts.override ?? '' };
  const only = options.length === 1 ? options[0] : undefined;
  if (only !== undefined)
    return { type: 'fixed', final: { label: only.id }, text: optionLabel(only, locale) };
  return choiceTarget(options, choices[action]);
}

/* -------------------------------------------------------------------------------------------------
 * Pressing
 * -----------------------------------------------------------------------------------------------*/

/** What a press sends, or the error to show at the action's target. */
export type BuiltFinal = { final: FinalInput; intent?: FinalizeIntent } | { error: string };

function withIntent(state: DecisionState, final: FinalInput): BuiltFinal {
  const intent = intentFor(state, final);
  return intent === undefined ? { final } : { final, intent };
}

/**
 * The final decision an action records, with core's intent for it, or the error to show at the
 * action's target (nothing chosen, not a number, outside the procedure's range, the AI's own
 * pick on a deviation button).
 *
 * @example
 * buildFinal('override', target, input); // { final: { label: 'reject' }, intent: 'override' }
 */
export function buildFinal(
  action: DecisionActionId,
  target: ActionTarget,
  input: ActionsModelInput,
): BuiltFinal {
  const { state, locale, t } = input;
  const rec = state.recommendation;
  if (action === 'accept')
    return rec ? withIntent(state, recommendedFinal(rec)) : { error: t('actions.error.refused') };
  let final: FinalInput;
  switch (target.type) {
    case 'none':
      return { error: t('actions.error.refused') };
    case 'fixed':
      final = target.final;
      break;
    case 'choice':
      if (target.selected === null) return { error: t('actions.error.choose') };
      final = { label: target.selected };
      break;
    case 'free-text': {
      const text = target.text.trim();
      if (text === '') return { error: t('actions.error.freeText') };
      final = { label: text };
      break;
    }
    case 'amount': {
      const value = parseLocaleNumber(target.text, locale);
      if (value === undefined) return { error: t('actions.error.amountMissing') };
      if (value === null) return { error: t('actions.error.amountInvalid') };
      const { min, max } = target.limits;
      // The procedure's range (core refuses a value outside it as `invalid-final`), said at the
      // field; the range itself is the field's hint, which describes it too.
      if ((min !== undefined && value < min) || (max !== undefined && value > max))
        return { error: t('actions.error.amountRange') };
      final = { value };
      break;
    }
  }
  if (action !== 'record' && classifyOutcome(state, final) === 'accepted')
    return { error: t('actions.error.sameAsAi') };
  return withIntent(state, final);
}
